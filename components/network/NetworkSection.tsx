import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { getDb } from '@/utils/storage/db';
import { localToday } from '@/utils/core/dates';
import { t, uiLanguage } from '@/utils/core/i18n';
import { dormantTies } from '@/utils/network/rekindle';
import { settingsItem } from '@/utils/storage/settings';
import { filterChoices, filterContacts, NO_FILTER, sortContacts, type NetworkFilter, type NetworkSort } from '@/utils/network/list';
import { useStoredValue } from '../ui/use-stored-value';
import { BulkTagging } from './BulkTagging';
import { NetworkFilters } from './NetworkFilters';
import { NetworkTable } from './NetworkTable';
import './network.css';

const formatCount = (n: number) => new Intl.NumberFormat(uiLanguage()).format(n);

/**
 * Everyone in the network in one list that stays smooth with tens of thousands of people: only
 * the rows in view are in the page. Filter, sort, and tag many people at once.
 */
export function NetworkSection() {
  const db = getDb();
  const id = useId();
  const today = localToday();
  const contacts = useLiveQuery(() => db.contacts.toArray(), []);
  const [filter, setFilter] = useState<NetworkFilter>(NO_FILTER);
  const [sort, setSort] = useState<NetworkSort>('name');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const deferredFilter = useDeferredValue(filter);
  const rekindleAfterMonths = useStoredValue(settingsItem)?.rekindleAfterMonths;
  // Read only while the filter is on: Rekindle reads the index of imported ties, and every person it names.
  const dormantKeys = useLiveQuery(
    async () =>
      deferredFilter.dormant && rekindleAfterMonths
        ? new Set((await dormantTies(db, today, rekindleAfterMonths)).map((tie) => tie.contact.key))
        : new Set<string>(),
    [deferredFilter.dormant, rekindleAfterMonths, today],
  );

  const choices = useMemo(() => filterChoices(contacts ?? []), [contacts]);
  const rows = useMemo(
    () => sortContacts(filterContacts(contacts ?? [], deferredFilter, today, dormantKeys), sort, uiLanguage()),
    [contacts, deferredFilter, sort, today, dormantKeys],
  );
  const chosen = useMemo(() => rows.filter((row) => selected.has(row.key)), [rows, selected]);
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const setField = <K extends keyof NetworkFilter>(field: K, value: NetworkFilter[K]) =>
    setFilter((previous) => ({ ...previous, [field]: value }));

  const toggle = (key: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section id="network" aria-labelledby={`${id}-title`} className="panel network">
      <h2 id={`${id}-title`}>{t('options.network')}</h2>
      {contacts && <p>{t('options.contactsCount', contacts.length)}</p>}

      <NetworkFilters
        filter={filter}
        sort={sort}
        choices={choices}
        onChange={setField}
        onSort={setSort}
        onClear={() => setFilter(NO_FILTER)}
      />
      <BulkTagging chosen={chosen} tags={choices.tags} />

      {contacts !== undefined && (
        <p className="muted" aria-live="polite">
          {t('network.showing', [formatCount(rows.length), formatCount(contacts.length)])}
        </p>
      )}
      {contacts !== undefined && (
        <NetworkTable
          rows={rows}
          today={today}
          sort={sort}
          selected={selected}
          allChosen={allChosen}
          someChosen={chosen.length > 0 && !allChosen}
          onToggle={toggle}
          onToggleAll={(on) => setSelected(on ? new Set(rows.map((row) => row.key)) : new Set())}
        />
      )}
    </section>
  );
}
