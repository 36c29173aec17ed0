import { useId, type KeyboardEvent } from 'react';
import { t } from '@/utils/core/i18n';
import { addPhrases } from '@/utils/core/phrases';

interface Props {
  label: string;
  values: string[];
  /** The phrase typed but not yet added: held by the caller, so it is saved like any keystroke. */
  phrase: string;
  /** Every change: the list, and what is left in the box. */
  onChange(values: string[], phrase: string): void;
}

/** A list of short phrases: Enter, comma or leaving the box adds one, each chip has its own remove button. */
export function ChipInput({ label, values, phrase, onChange }: Props) {
  const id = useId();
  const commit = (text: string) => onChange(addPhrases(values, text), '');
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(phrase);
    } else if (event.key === 'Backspace' && phrase === '' && values.length > 0) {
      onChange(values.slice(0, -1), '');
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
                onClick={() => onChange(values.filter((v) => v !== value), phrase)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={phrase}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const text = event.target.value;
          if (text.includes(',')) commit(text);
          else onChange(values, text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => phrase.trim() && commit(phrase)}
      />
      <span id={`${id}-hint`} className="hint">
        {t('sidebar.chipHint')}
      </span>
    </div>
  );
}
