import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { getDb } from '@/utils/storage/db';
import type { Contact } from '@/utils/core/schema';
import { localToday } from '@/utils/core/dates';
import { isDue } from '@/utils/followups/rules';
import { formatDate } from '@/utils/core/format';
import { t, uiLanguage } from '@/utils/core/i18n';
import { dormantTies } from '@/utils/network/rekindle';
import { changeTag } from '@/utils/network/queries';
import { settingsItem } from '@/utils/storage/settings';
import {
  filterChoices,
  filterContacts,
  NO_FILTER,
  sortContacts,
  type DueFilter,
  type NetworkFilter,
  type NetworkSort,
} from '@/utils/network/list';
import { Field } from '../ui/Field';
import { openProfile } from '../pages/open-profile';
import { useStoredValue } from '../ui/use-stored-value';
import './network.css';

const ROW_HEIGHT = 44;

const formatCount = (n: number) => new Intl.NumberFormat(uiLanguage()).format(n);

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
  const [tag, setTag] = useState('');
  const [outcome, setOutcome] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const rekindleAfterMonths = useStoredValue(settingsItem)?.rekindleAfterMonths;
  // Read only while the filter is on: it looks at every message entry.
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

  const applyTag = async (change: 'add' | 'remove') => {
    const label = tag.trim();
    if (!label || chosen.length === 0) return;
    const changed = await changeTag(
      db,
      chosen.map((row) => row.key),
      label,
      change,
    );
    setOutcome(t(change === 'add' ? 'network.tagAdded' : 'network.tagRemoved', changed, [label, String(changed)]));
  };

  return (
    <section id="network" aria-labelledby={`${id}-title`} className="panel network">
      <h2 id={`${id}-title`}>{t('options.network')}</h2>
      {contacts && <p>{t('options.contactsCount', contacts.length)}</p>}

      <div className="network-filters" role="group" aria-label={t('network.filters')}>
        <Field label={t('network.text')}>
          <input type="search" value={filter.text} onChange={(event) => setField('text', event.target.value)} />
        </Field>
        <Field label={t('network.tag')}>
          <select value={filter.tag} onChange={(event) => setField('tag', event.target.value)}>
            <option value="">{t('network.anyTag')}</option>
            {choices.tags.map(({ value, count: n }) => (
              <option key={value} value={value}>
                {t('network.choiceCount', [value, String(n)])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('network.interest')}>
          <input list={`${id}-interests`} value={filter.interest} onChange={(event) => setField('interest', event.target.value)} />
        </Field>
        <datalist id={`${id}-interests`}>
          {choices.interests.slice(0, 500).map(({ value }) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <Field label={t('network.whereWeMet')}>
          <select value={filter.whereWeMet} onChange={(event) => setField('whereWeMet', event.target.value)}>
            <option value="">{t('network.anywhere')}</option>
            {choices.places.map(({ value, count: n }) => (
              <option key={value} value={value}>
                {t('network.choiceCount', [value, String(n)])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('network.followUp')}>
          <select value={filter.due} onChange={(event) => setField('due', event.target.value as DueFilter)}>
            {DUE_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('network.sortBy')}>
          <select value={sort} onChange={(event) => setSort(event.target.value as NetworkSort)}>
            {SORT_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </Field>
        <label className="inline checkbox">
          <input type="checkbox" checked={filter.dormant} onChange={(event) => setField('dormant', event.target.checked)} />
          {t('network.rekindleOnly')}
        </label>
        <button type="button" className="secondary" onClick={() => setFilter(NO_FILTER)}>
          {t('network.clearFilters')}
        </button>
      </div>

      <div className="network-bulk" role="group" aria-label={t('network.bulk')}>
        <span>{t('network.selected', chosen.length)}</span>
        <Field label={t('network.bulkTag')} className="field inline">
          <input list={`${id}-tags`} value={tag} onChange={(event) => setTag(event.target.value)} />
        </Field>
        <datalist id={`${id}-tags`}>
          {choices.tags.map(({ value }) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <button type="button" disabled={!tag.trim() || chosen.length === 0} onClick={() => void applyTag('add')}>
          {t('network.addTag')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!tag.trim() || chosen.length === 0}
          onClick={() => void applyTag('remove')}
        >
          {t('network.removeTag')}
        </button>
        <p role="status" className="status">
          {outcome}
        </p>
      </div>

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

interface TableProps {
  rows: Contact[];
  today: string;
  sort: NetworkSort;
  selected: ReadonlySet<string>;
  allChosen: boolean;
  someChosen: boolean;
  onToggle(key: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

/** A real table (headers, row and column counts for screen readers) with only the visible rows rendered. */
function NetworkTable({ rows, today, sort, selected, allChosen, someChosen, onToggle, onToggleAll }: TableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- this app does not use the React Compiler
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someChosen;
  }, [someChosen]);

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const ariaSort = (column: NetworkSort) => (sort === column ? (column === 'lastContact' ? 'descending' : 'ascending') : undefined);

  return (
    <div ref={scroller} className="network-scroll" tabIndex={0} role="region" aria-label={t('network.listLabel')}>
      <table className="network-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select">
              <input
                ref={selectAll}
                type="checkbox"
                aria-label={t('network.selectAll')}
                checked={allChosen}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th scope="col" aria-sort={ariaSort('name')}>
              {t('network.colName')}
            </th>
            <th scope="col">{t('network.colTags')}</th>
            <th scope="col">{t('network.colWhereWeMet')}</th>
            <th scope="col" aria-sort={ariaSort('lastContact')}>
              {t('network.colLastContact')}
            </th>
            <th scope="col" aria-sort={ariaSort('nextFollowUp')}>
              {t('network.colNextFollowUp')}
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map((item) => {
            const contact = rows[item.index]!;
            const name = contact.name || contact.key;
            return (
              <tr key={contact.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <td className="select">
                  <input
                    type="checkbox"
                    aria-label={t('network.select', [name])}
                    checked={selected.has(contact.key)}
                    onChange={(event) => onToggle(contact.key, event.target.checked)}
                  />
                </td>
                <td className="name">
                  <a href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
                    {name}
                  </a>
                  {contact.headline && <span className="muted"> · {contact.headline}</span>}
                </td>
                <td>{contact.tags.join(', ')}</td>
                <td>{contact.whereWeMet}</td>
                <td>{contact.lastInteraction ? formatDate(contact.lastInteraction) : ''}</td>
                <td>
                  {contact.nextFollowUp ? formatDate(contact.nextFollowUp) : ''}
                  {isDue(contact, today) && <span className="badge">{t('network.due')}</span>}
                </td>
              </tr>
            );
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">{t('network.noMatches')}</p>}
    </div>
  );
}
