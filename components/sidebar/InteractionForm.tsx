import { useId, useState, type FormEvent } from 'react';
import { localToday } from '@/utils/core/dates';
import { t } from '@/utils/core/i18n';
import { InteractionFields, type EntryDraft } from '../ui/InteractionFields';

interface Props {
  onLog(entry: EntryDraft): void;
}

/** "Log interaction": kind, date (today by default) and what happened. */
export function InteractionForm({ onLog }: Props) {
  const id = useId();
  const [entry, setEntry] = useState<EntryDraft>(() => ({ kind: 'message', date: localToday(), text: '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!entry.date) return;
    onLog({ ...entry, text: entry.text.trim() });
    setEntry({ ...entry, text: '' });
  };
  return (
    <form className="log-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('sidebar.logTitle')}</h2>
      <InteractionFields entry={entry} onChange={setEntry} kindAndDateInRow />
      <button type="submit">{t('sidebar.logButton')}</button>
    </form>
  );
}
