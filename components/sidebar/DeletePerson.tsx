import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/utils/core/i18n';

/**
 * Deletes everything kept on the person shown, after a confirmation that says what goes (and that
 * sync takes it from the other browsers too). Escape or "Keep" closes the confirmation, not the sidebar.
 */
export function DeletePerson({ name, onDelete }: { name: string; onDelete(): void }) {
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = useId();
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="delete-person">
        <button ref={ask} type="button" className="link danger-link" onClick={() => setConfirming(true)}>
          {t('sidebar.deletePerson', [name])}
        </button>
      </div>
    );
  }
  return (
    <div
      className="delete-person confirming"
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        setConfirming(false);
      }}
    >
      <p id={questionId}>{t('sidebar.deletePersonQuestion', [name])}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onDelete}>
          {t('sidebar.deletePersonConfirm')}
        </button>
        <button ref={keep} type="button" className="secondary" onClick={() => setConfirming(false)}>
          {t('sidebar.deletePersonKeep')}
        </button>
      </div>
    </div>
  );
}
