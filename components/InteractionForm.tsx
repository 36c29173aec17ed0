import { Field } from './Field';
import { useId, useState, type FormEvent } from 'react';
import { INTERACTION_KINDS, type InteractionKind } from '@/utils/interaction-kinds';
import { localToday } from '@/utils/dates';
import { t } from '@/utils/i18n';
import { kindLabel } from './labels';

interface Props {
  onLog(entry: { kind: InteractionKind; date: string; text: string }): void;
}

/** "Log interaction": kind, date (today by default) and what happened. */
export function InteractionForm({ onLog }: Props) {
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>('message');
  const [date, setDate] = useState(localToday());
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!date) return;
    onLog({ kind, date, text: text.trim() });
    setText('');
  };
  return (
    <form className="log-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('sidebar.logTitle')}</h2>
      <div className="row">
        <Field label={t('sidebar.kind')} className="stacked">
          <select value={kind} onChange={(event) => setKind(event.target.value as InteractionKind)}>
            {INTERACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sidebar.date')} className="stacked">
          <input type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
      </div>
      <Field label={t('sidebar.text')} className="stacked">
        <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <button type="submit">{t('sidebar.logButton')}</button>
    </form>
  );
}
