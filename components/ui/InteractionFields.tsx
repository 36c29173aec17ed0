import type { ReactNode } from 'react';
import { Field } from './Field';
import { HAND_KINDS, type InteractionKind } from '@/utils/core/interaction-kinds';
import { t } from '@/utils/core/i18n';
import { kindLabel } from './labels';

/** What a timeline entry says: its kind, its date and what happened. */
export interface EntryDraft {
  kind: InteractionKind;
  date: string;
  text: string;
}

interface Props {
  entry: EntryDraft;
  onChange(entry: EntryDraft): void;
  /** Puts kind and date side by side, as the log form does. */
  kindAndDateInRow?: boolean;
}

/** The labelled kind, date and text fields shared by the log form and an entry being edited. */
export function InteractionFields({ entry, onChange, kindAndDateInRow = false }: Props) {
  const set = (change: Partial<EntryDraft>) => onChange({ ...entry, ...change });
  const kindAndDate: ReactNode = (
    <>
      <Field label={t('sidebar.kind')} className="stacked">
        <select value={entry.kind} onChange={(event) => set({ kind: event.target.value as InteractionKind })}>
          {(HAND_KINDS.includes(entry.kind) ? HAND_KINDS : [...HAND_KINDS, entry.kind]).map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('sidebar.date')} className="stacked">
        <input type="date" required value={entry.date} onChange={(event) => set({ date: event.target.value })} />
      </Field>
    </>
  );
  return (
    <>
      {kindAndDateInRow ? <div className="row">{kindAndDate}</div> : kindAndDate}
      <Field label={t('sidebar.text')} className="stacked">
        <textarea rows={2} value={entry.text} onChange={(event) => set({ text: event.target.value })} />
      </Field>
    </>
  );
}
