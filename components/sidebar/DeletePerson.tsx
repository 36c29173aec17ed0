import { TwoStepConfirm } from '@/components/ui/TwoStepConfirm';
import { t } from '@/utils/core/i18n';

/**
 * Deletes everything kept on the person shown, after a confirmation that says what goes (and that
 * sync takes it from the other browsers too). Escape or "Keep" closes the confirmation, not the sidebar.
 */
export function DeletePerson({ name, onDelete }: { name: string; onDelete(): void }) {
  return (
    <TwoStepConfirm
      className="delete-person"
      askLabel={t('sidebar.deletePerson', [name])}
      question={t('sidebar.deletePersonQuestion', [name])}
      confirmLabel={t('sidebar.deletePersonConfirm')}
      keepLabel={t('sidebar.deletePersonKeep')}
      onConfirm={onDelete}
    />
  );
}
