import { Field } from './Field';
import { useId, useState } from 'react';
import { t } from '@/utils/core/i18n';
import { CADENCE_PRESETS, cadenceChoice } from '@/utils/core/cadence';
import { LIMITS } from '@/utils/core/schema';

interface Props {
  value: number | null;
  onChange(days: number | null): void;
}

/** "Keep in touch every": none, 2 weeks, month, quarter, or a custom number of days. */
export function CadenceField({ value, onChange }: Props) {
  const id = useId();
  const [custom, setCustom] = useState(cadenceChoice(value) === 'custom');
  const choice = custom ? 'custom' : cadenceChoice(value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('cadence.label')}</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value;
          setCustom(next === 'custom');
          if (next === 'none') onChange(null);
          else if (next !== 'custom') onChange(CADENCE_PRESETS[next as keyof typeof CADENCE_PRESETS]);
          else onChange(value ?? 7);
        }}
      >
        <option value="none">{t('cadence.none')}</option>
        <option value="twoWeeks">{t('cadence.twoWeeks')}</option>
        <option value="month">{t('cadence.month')}</option>
        <option value="quarter">{t('cadence.quarter')}</option>
        <option value="custom">{t('cadence.custom')}</option>
      </select>
      {choice === 'custom' && (
        <Field label={t('cadence.customDays')} className="field inline">
          <input
            type="number"
            min={1}
            max={LIMITS.cadenceDays.max}
            value={value ?? ''}
            onChange={(event) => {
              const days = Math.round(Number(event.target.value));
              if (days >= LIMITS.cadenceDays.min && days <= LIMITS.cadenceDays.max) onChange(days);
            }}
          />
        </Field>
      )}
    </div>
  );
}
