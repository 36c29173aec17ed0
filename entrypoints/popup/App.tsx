import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { browser } from 'wxt/browser';
import { DueRow } from '@/components/DueRow';
import { openProfile } from '@/components/open-profile';
import { getDb } from '@/utils/db';
import { formatDate } from '@/utils/format';
import { localToday } from '@/utils/dates';
import { t } from '@/utils/i18n';
import { comingUp, dueContacts, searchContacts } from '@/utils/queries';

export function App() {
  const db = getDb();
  const today = localToday();
  const due = useLiveQuery(() => dueContacts(db, today), [today]);
  const soon = useLiveQuery(() => comingUp(db, today), [today]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const results = useLiveQuery(
    () => (deferredQuery ? searchContacts(db, deferredQuery, 20) : Promise.resolve(null)),
    [deferredQuery],
  );

  return (
    <main className="popup">
      <header className="popup-head">
        <h1>{t('popup.title')}</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openNetwork')}
        </button>
      </header>
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
      {due === undefined ? null : due.length === 0 ? (
        <p className="empty">{t('popup.empty')}</p>
      ) : (
        <ul className="due-list" aria-label={t('popup.title')}>
          {due.map((contact) => (
            <DueRow key={contact.key} contact={contact} today={today} />
          ))}
        </ul>
      )}
      <section aria-labelledby="coming-up">
        <h2 id="coming-up">{t('popup.comingUp')}</h2>
        {soon === undefined ? null : soon.length === 0 ? (
          <p className="empty">{t('popup.comingUpEmpty')}</p>
        ) : (
          <ul className="coming-up">
            {soon.map((contact) => (
              <li key={contact.key}>
                <a href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
                  {contact.name || contact.key}
                </a>{' '}
                <span className="muted">{formatDate(contact.nextFollowUp!)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
