import { useId, type ReactNode } from 'react';
import { t } from '@/utils/core/i18n';

/** The less-used fields, behind a "More" toggle whose state the caller remembers. */
export function MoreFields({ open, onToggle, children }: { open: boolean; onToggle(open: boolean): void; children: ReactNode }) {
  const id = useId();
  return (
    <section className="more">
      <button type="button" className="more-toggle" aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('sidebar.more')}
      </button>
      {/* Kept in the document when closed, so a field's draft and focus rules never depend on it. */}
      <div id={id} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
