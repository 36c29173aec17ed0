import type { InteractionKind } from '@/utils/interaction-kinds';
import { t } from '@/utils/i18n';

const KIND_KEYS = {
  message: 'kinds.message',
  call: 'kinds.call',
  meeting: 'kinds.meeting',
  event: 'kinds.event',
  introduction: 'kinds.introduction',
  'help-given': 'kinds.helpGiven',
  'help-received': 'kinds.helpReceived',
  note: 'kinds.note',
  invitation: 'kinds.invitation',
} as const satisfies Record<InteractionKind, string>;

export function kindLabel(kind: InteractionKind): string {
  return t(KIND_KEYS[kind]);
}
