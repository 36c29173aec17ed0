import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Contact } from '@/utils/core/schema';
import { formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import { isDue } from '@/utils/followups/rules';
import type { NetworkSort } from '@/utils/network/list';
import { openProfile } from '../pages/open-profile';

const ROW_HEIGHT = 44;

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
export function NetworkTable({ rows, today, sort, selected, allChosen, someChosen, onToggle, onToggleAll }: TableProps) {
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
