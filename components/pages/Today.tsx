import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useDeferredValue, useState } from 'react';
import { browser } from 'wxt/browser';
import { DueRow } from '@/components/followups/DueRow';
import { EventModeSection } from '@/components/followups/EventModeSection';
import { FirstRunGuide, LINKEDIN_NETWORK_URL } from '@/components/pages/FirstRunGuide';
import { openProfile } from '@/components/pages/open-profile';
import { useStoredValue } from '@/components/ui/use-stored-value';
import { UpgradeNotice } from '@/components/ui/UpgradeNotice';
import { useUpgradeProgress } from '@/components/pages/use-upgrade-progress';
import { WindowList } from '@/components/ui/WindowList';
import { PlanSection } from '@/components/plan/PlanSection';
import type { Contact } from '@/utils/core/schema';
import { getDb } from '@/utils/storage/db';
import { formatDate, formatMonthYear } from '@/utils/core/format';
import { localToday } from '@/utils/core/dates';
import { t } from '@/utils/core/i18n';
import { showFirstRun } from '@/utils/people/first-run';
import { dormantTies, type DormantTie } from '@/utils/network/rekindle';
import { comingUp, dueContacts } from '@/utils/followups/due';
import { searchContacts } from '@/utils/people/search';
import { firstRunDoneItem } from '@/utils/people/first-run';
import { settingsItem } from '@/utils/storage/settings';

/** The popup shows the strongest dormant ties; the network page's filter shows them all. */
const REKINDLE_SHOWN = 10;

/**
 * Today's list and what surrounds it: search, event mode, the first-run guide, who is due, what is
 * coming up and dormant ties. The popup shows it, and the side panel while no profile is open.
 */
export function Today() {
  const db = getDb();
  const today = localToday();
  const due = useLiveQuery(() => dueContacts(db, today), [today]);
  // Whether anyone is saved, not how many: counting 30,000 people delayed the list.
  const anyone = useLiveQuery(() => db.contacts.limit(1).count(), []);
  const firstRun = showFirstRun(useStoredValue(firstRunDoneItem), anyone);
  // What sits below today's list is read once the list has arrived: reading every message for
  // the dormant ties held the popup's thread while the list waited.
  const listRead = due !== undefined;
  const soon = useLiveQuery(() => (listRead ? comingUp(db, today) : Promise.resolve(undefined)), [today, listRead]);
  const rekindleAfterMonths = useStoredValue(settingsItem)?.rekindleAfterMonths;
  const ties = useLiveQuery(
    () => (listRead && rekindleAfterMonths ? dormantTies(db, today, rekindleAfterMonths, REKINDLE_SHOWN) : Promise.resolve(undefined)),
    [today, rekindleAfterMonths, listRead],
  );
  const upgrade = useUpgradeProgress();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const results = useLiveQuery(
    () => (deferredQuery ? searchContacts(db, deferredQuery, 20) : Promise.resolve(null)),
    [deferredQuery],
  );

  return (
    <>
      {upgrade && <UpgradeNotice progress={upgrade} />}
      <label className="search">
        <span className="visually-hidden">{t('popup.search')}</span>
        <input type="search" placeholder={t('popup.search')} aria-label={t('popup.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {deferredQuery && results && (
        <section aria-label={t('popup.results')}>
          {results.length === 0 ? (
            <p className="empty">{t('popup.noResults', [deferredQuery])}</p>
          ) : (
            <ul className="results">
              {results.map((contact) => (
                <li key={contact.key}>
                  <a href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
                    {contact.name || contact.key}
                  </a>
                  {contact.headline && <span className="muted"> · {contact.headline}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <EventModeSection />
      {firstRun && (
        <FirstRunGuide
          importHref="options.html#import-export"
          onImport={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/options.html#import-export') });
          }}
          onOpenLinkedIn={(event) => openProfile(event, LINKEDIN_NETWORK_URL)}
        />
      )}
      {firstRun === false && <PlanSection today={today} dueCount={due?.length} />}
      {due === undefined || firstRun !== false ? null : due.length === 0 ? (
        <p className="empty">{t('popup.empty')}</p>
      ) : (
        <DueList due={due} today={today} />
      )}
      <section aria-labelledby="coming-up">
        <h2 id="coming-up">{t('popup.comingUp')}</h2>
        {soon === undefined ? null : soon.length === 0 ? (
          <p className="empty">{t('popup.comingUpEmpty')}</p>
        ) : (
          <ComingUpList soon={soon} />
        )}
      </section>
      <section aria-labelledby="rekindle">
        <h2 id="rekindle">{t('rekindle.title')}</h2>
        {ties === undefined || rekindleAfterMonths === undefined ? null : ties.length === 0 ? (
          <p className="empty">{t('rekindle.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('rekindle.hint', [String(rekindleAfterMonths)])}</p>
            <RekindleList ties={ties} />
          </>
        )}
      </section>
    </>
  );
}

const contactKey = (contact: Contact) => contact.key;

// Both lists draw only the rows in view, and typing in the search box does not redraw them.
const DueList = memo(function DueList({ due, today }: { due: Contact[]; today: string }) {
  return (
    <WindowList items={due} itemKey={contactKey} estimateSize={130} gap={7} className="due-list" aria-label={t('popup.title')}>
      {(contact, rowProps) => <DueRow contact={contact} today={today} rowProps={rowProps} />}
    </WindowList>
  );
});

const ComingUpList = memo(function ComingUpList({ soon }: { soon: Contact[] }) {
  return (
    <WindowList items={soon} itemKey={contactKey} estimateSize={20} gap={7} className="coming-up">
      {(contact, rowProps) => (
        <li {...rowProps}>
          <a href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
            {contact.name || contact.key}
          </a>{' '}
          <span className="muted">{formatDate(contact.nextFollowUp!)}</span>
        </li>
      )}
    </WindowList>
  );
});

function RekindleList({ ties }: { ties: DormantTie[] }) {
  return (
    <ul className="rekindle" aria-labelledby="rekindle">
      {ties.map(({ contact, messages, lastMessage }) => (
        <li key={contact.key}>
          <a href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
            {contact.name || contact.key}
          </a>{' '}
          <span className="muted">{t('rekindle.reason', messages, [String(messages), formatMonthYear(lastMessage)])}</span>
        </li>
      ))}
    </ul>
  );
}
