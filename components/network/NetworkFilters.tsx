import { useId } from 'react';
import { t } from '@/utils/core/i18n';
import type { DueFilter, filterChoices, NetworkFilter, NetworkSort } from '@/utils/network/list';
import { Field } from '../ui/Field';

const DUE_CHOICES = [
  ['all', 'network.dueAll'],
  ['due', 'network.dueNow'],
  ['scheduled', 'network.dueScheduled'],
  ['none', 'network.dueNone'],
] as const satisfies ReadonlyArray<readonly [DueFilter, string]>;
const SORT_CHOICES = [
  ['name', 'network.sortName'],
  ['lastContact', 'network.sortLastContact'],
  ['nextFollowUp', 'network.sortNextFollowUp'],
] as const satisfies ReadonlyArray<readonly [NetworkSort, string]>;

interface FiltersProps {
  filter: NetworkFilter;
  sort: NetworkSort;
  choices: ReturnType<typeof filterChoices>;
  onChange<K extends keyof NetworkFilter>(field: K, value: NetworkFilter[K]): void;
  onSort(sort: NetworkSort): void;
  onClear(): void;
}

/** The network's filters and its order: by text, tag, interest, place met, follow-up and Rekindle. */
export function NetworkFilters({ filter, sort, choices, onChange, onSort, onClear }: FiltersProps) {
  const id = useId();
  return (
    <div className="network-filters" role="group" aria-label={t('network.filters')}>
      <Field label={t('network.text')}>
        <input type="search" value={filter.text} onChange={(event) => onChange('text', event.target.value)} />
      </Field>
      <Field label={t('network.tag')}>
        <CountedChoices value={filter.tag} any={t('network.anyTag')} choices={choices.tags} onChange={(tag) => onChange('tag', tag)} />
      </Field>
      <Field label={t('network.interest')}>
        <input list={`${id}-interests`} value={filter.interest} onChange={(event) => onChange('interest', event.target.value)} />
      </Field>
      <datalist id={`${id}-interests`}>
        {choices.interests.slice(0, 500).map(({ value }) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <Field label={t('network.whereWeMet')}>
        <CountedChoices
          value={filter.whereWeMet}
          any={t('network.anywhere')}
          choices={choices.places}
          onChange={(place) => onChange('whereWeMet', place)}
        />
      </Field>
      <Field label={t('network.followUp')}>
        <select value={filter.due} onChange={(event) => onChange('due', event.target.value as DueFilter)}>
          {DUE_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('network.sortBy')}>
        <select value={sort} onChange={(event) => onSort(event.target.value as NetworkSort)}>
          {SORT_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      <label className="inline checkbox">
        <input type="checkbox" checked={filter.dormant} onChange={(event) => onChange('dormant', event.target.checked)} />
        {t('network.rekindleOnly')}
      </label>
      <button type="button" className="secondary" onClick={onClear}>
        {t('network.clearFilters')}
      </button>
    </div>
  );
}

/** A choice among values in use, each with how many people have it, or any of them. */
function CountedChoices({
  value,
  any,
  choices,
  onChange,
  id,
}: {
  value: string;
  any: string;
  choices: ReadonlyArray<{ value: string; count: number }>;
  onChange(value: string): void;
  /** Given by the `Field` around it. */
  id?: string;
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{any}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {t('network.choiceCount', [choice.value, String(choice.count)])}
        </option>
      ))}
    </select>
  );
}
