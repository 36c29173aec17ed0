import { t } from '@/utils/core/i18n';
import type { SaveStatus } from '@/utils/sidebar/client';

const MESSAGES = {
  idle: null,
  saving: 'common.saving',
  saved: 'common.saved',
  deleted: 'common.deleted',
  retrying: 'common.notSaved',
  'storage-full': 'common.storageFull',
  invalid: 'common.invalid',
} as const;

/** A quiet "Saved"; problems are announced as alerts. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const key = MESSAGES[status];
  const problem = status === 'storage-full' || status === 'invalid';
  return (
    <p className={problem ? 'status problem' : 'status'} role={problem ? 'alert' : 'status'}>
      {key ? t(key) : ''}
    </p>
  );
}
