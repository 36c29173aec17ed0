import { TwoStepConfirm } from '@/components/ui/TwoStepConfirm';
import { t } from '@/utils/core/i18n';

/**
 * The page said notes saved under a member-id link belong to the person shown. A page can say so
 * falsely, so only the user merges, in two steps; "Keep apart" leaves both as they are.
 */
export function MergeOffer({ name, onAnswer }: { name: string; onAnswer(merge: boolean): void }) {
  const shown = name || t('sidebar.thisPerson');
  return (
    <section className="page-question" aria-label={t('sidebar.mergeOffer', [shown])}>
      <p>
        <strong>{t('sidebar.mergeOffer', [shown])}</strong>
      </p>
      <p className="muted">{t('sidebar.mergeOfferHint', [shown])}</p>
      <TwoStepConfirm
        askLabel={t('sidebar.mergeStart')}
        question={t('sidebar.mergeQuestion', [shown])}
        confirmLabel={t('sidebar.mergeConfirm')}
        keepLabel={t('sidebar.mergeKeepApart')}
        onConfirm={() => onAnswer(true)}
        onKeep={() => onAnswer(false)}
      />
    </section>
  );
}

/** The page shows another name than the stored one on this person's link: which is right? */
export function NameChange({ stored, shown, onChoose }: { stored: string; shown: string; onChoose(name: string): void }) {
  return (
    <section className="page-question" aria-label={t('sidebar.nameChange', [shown, stored])}>
      <p>{t('sidebar.nameChange', [shown, stored])}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onChoose(stored)}>
          {t('sidebar.nameKeep', [stored])}
        </button>
        <button type="button" className="secondary" onClick={() => onChoose(shown)}>
          {t('sidebar.nameUse', [shown])}
        </button>
      </div>
    </section>
  );
}
