import { useId } from 'react';
import { t, uiLanguage } from '@/utils/core/i18n';
import type { UpgradeProgress } from '@/utils/core/schema';

/** "Updating your notes…" with a progress bar, while the notes are updated after a new version. */
export function UpgradeNotice({ progress }: { progress: UpgradeProgress }) {
  const id = useId();
  const known = progress.total > 0;
  return (
    <section className="upgrade-notice" aria-labelledby={id}>
      <p id={id} className="upgrade-title">
        {t('upgrade.title')}
      </p>
      {known ? (
        <progress aria-labelledby={id} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-labelledby={id} />
      )}
      <p className="muted">
        {known && `${t('upgrade.progress', [progress.done.toLocaleString(uiLanguage()), progress.total.toLocaleString(uiLanguage())])} · `}
        {t('upgrade.hint')}
      </p>
    </section>
  );
}
