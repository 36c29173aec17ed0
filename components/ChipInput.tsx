import { useId, useState, type KeyboardEvent } from 'react';
import { t } from '@/utils/i18n';
import { addPhrases } from '@/utils/phrases';

interface Props {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  suggestions?: string[];
}

/** A list of short phrases: Enter or comma adds one, each chip has its own remove button. */
export function ChipInput({ label, values, onChange, suggestions }: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const commit = (text: string) => {
    const next = addPhrases(values, text);
    if (next !== values) onChange(next);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {values.length > 0 && (
        <ul className="chips" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{value}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', [value])}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={draft}
        list={suggestions ? `${id}-suggestions` : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const text = event.target.value;
          if (text.includes(',')) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit(draft)}
      />
      <span id={`${id}-hint`} className="hint">
        {t('sidebar.chipHint')}
      </span>
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
