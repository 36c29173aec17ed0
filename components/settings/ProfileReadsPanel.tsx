import { useId } from 'react';
import { browser } from 'wxt/browser';
import { formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import { profileReadsItem } from '@/utils/linkedin/profile-reads';
import { CopyOutcome, useCopyText } from '../ui/CopyText';
import { useStoredValue } from '../ui/use-stored-value';

/**
 * How well this browser reads the LinkedIn profiles the user visits, and a report of the last page
 * it could not read (its structure only) to copy into a bug report.
 */
export function ProfileReadsPanel() {
  const id = useId();
  const reads = useStoredValue(profileReadsItem);
  const { copied, copy } = useCopyText();
  if (reads === undefined) return null;

  const report = reads?.lastShape
    ? `${t('reading.reportHeader', [browser.runtime.getManifest().version, reads.lastShape.on])}\n${navigator.userAgent}\n\n${reads.lastShape.shape}\n`
    : '';

  return (
    <section aria-labelledby={`${id}-title`} className="data">
      <h3 id={`${id}-title`}>{t('reading.title')}</h3>
      <p>
        {reads
          ? t('reading.counts', [String(reads.readable), String(reads.unreadable), formatDate(reads.since)])
          : t('reading.none')}
      </p>
      <p id={`${id}-hint`} className="hint">
        {t('reading.hint')}
      </p>
      {report && (
        <button type="button" className="secondary" aria-describedby={`${id}-hint`} onClick={() => void copy(report, t('reading.copied'), t('reading.copyFailed'))}>
          {t('reading.copy')}
        </button>
      )}
      <CopyOutcome copied={copied} label={t('reading.reportLabel')} rows={8} />
    </section>
  );
}
