import type { InteractionKind } from '@/utils/core/interaction-kinds';
import type { ArchiveDetail } from '@/utils/core/archive-entry';
import { t } from '@/utils/core/i18n';

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
  'new-role': 'kinds.newRole',
  'intro-asked': 'kinds.introAsked',
  'intro-yes': 'kinds.introYes',
  'intro-no': 'kinds.introNo',
} as const satisfies Record<InteractionKind, string>;

export function kindLabel(kind: InteractionKind): string {
  return t(KIND_KEYS[kind]);
}

/** What an entry imported from LinkedIn's archive counts: "3 sent · 2 received · group conversation", "Invitation sent". */
export function archiveDetailLabel(kind: InteractionKind, detail: ArchiveDetail): string {
  if (kind === 'invitation') return detail.sent > 0 ? t('archive.invitationSent') : t('archive.invitationReceived');
  const parts: string[] = [];
  if (detail.sent > 0) parts.push(t('archive.sent', detail.sent));
  if (detail.received > 0) parts.push(t('archive.received', detail.received));
  if (detail.group) parts.push(t('archive.group'));
  return parts.join(' · ');
}
