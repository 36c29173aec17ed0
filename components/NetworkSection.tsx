import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db';
import { t } from '@/utils/i18n';
import { openProfile } from './open-profile';

/** Everyone in the network. */
export function NetworkSection() {
  const db = getDb();
  const count = useLiveQuery(() => db.contacts.count(), []);
  const contacts = useLiveQuery(() => db.contacts.orderBy('name').limit(200).toArray(), []);
  return (
    <section id="network" aria-labelledby="network-title" className="panel">
      <h2 id="network-title">{t('options.network')}</h2>
      {count !== undefined && <p>{t('options.contactsCount', count)}</p>}
      {contacts && (
        <ul className="network-list">
          {contacts.map((contact) => (
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
  );
}
