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
          <select value={filter.tag} onChange={(event) => onChange('tag', event.target.value)}>
            <option value="">{t('network.anyTag')}</option>
            {choices.tags.map(({ value, count: n }) => (
              <option key={value} value={value}>
                {t('network.choiceCount', [value, String(n)])}
              </option>
            ))}
          </select>
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
          <select value={filter.whereWeMet} onChange={(event) => onChange('whereWeMet', event.target.value)}>
            <option value="">{t('network.anywhere')}</option>
            {choices.places.map(({ value, count: n }) => (
              <option key={value} value={value}>
                {t('network.choiceCount', [value, String(n)])}
              </option>
            ))}
          </select>
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
