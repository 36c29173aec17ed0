import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { getDb } from '@/utils/storage/db';
import { finishEvent, metAtEvent, toggleStoredStar, type EventMode } from '@/utils/followups/event-mode';
import { t } from '@/utils/core/i18n';
import { eventModeItem } from '@/utils/followups/event-mode';
import { useStoredValue } from '../ui/use-stored-value';

/** "I'm at <event>" in the popup: switched on there, then the review that stars who mattered. */
export function EventModeSection() {
  const id = useId();
  const event = useStoredValue(eventModeItem);
  const [name, setName] = useState('');
  if (event === undefined) return null;
  const start = (submitted: FormEvent) => {
    submitted.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void eventModeItem.setValue({ name: trimmed, startedAt: Date.now(), phase: 'on', starred: [] });
    setName('');
  };
  return (
    <section className="event-mode" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={event ? undefined : 'visually-hidden'}>
        {event?.phase === 'review' ? t('event.reviewTitle', [event.name]) : t('event.title')}
      </h2>
      {!event && (
        <form className="row event-start" onSubmit={start}>
          <label htmlFor={`${id}-name`} className="inline-label">
            {t('event.label')}
          </label>
          <input
            id={`${id}-name`}
            placeholder={t('event.placeholder')}
            maxLength={300}
            value={name}
            onChange={(changed) => setName(changed.target.value)}
          />
          <button type="submit">{t('event.start')}</button>
        </form>
      )}
      {event && <EventPeople event={event} />}
    </section>
  );
}

function EventPeople({ event }: { event: EventMode }) {
  const db = getDb();
  const met = useLiveQuery(() => metAtEvent(db, event), [event.name, event.startedAt]);
  if (met === undefined) return null;
  if (event.phase === 'on') {
    return (
      <>
        <p>{t('event.on', [event.name])}</p>
        <p className="muted">{t('event.met', met.length)}</p>
        <button type="button" className="secondary" onClick={() => void eventModeItem.setValue({ ...event, phase: 'review' })}>
          {t('event.end')}
        </button>
      </>
    );
  }
  const finish = async () => {
    await finishEvent(db, event);
    await eventModeItem.setValue(null);
  };
  return (
    <>
      <p className="muted">{met.length > 0 ? t('event.reviewHint') : t('event.nobodyMet')}</p>
      {met.length > 0 && (
        <ul className="event-people">
          {met.map((contact) => {
            const name = contact.name || contact.key;
            const starred = event.starred.includes(contact.key);
            return (
              <li key={contact.key}>
                <button
                  type="button"
                  className="icon star"
                  aria-pressed={starred}
                  aria-label={t('event.star', [name])}
                  onClick={() => void toggleStoredStar(contact.key)}
                >
                  {starred ? '★' : '☆'}
                </button>
                <span>{name}</span>
                {contact.headline && <span className="muted"> · {contact.headline}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={() => void finish()}>
        {t('event.finish')}
      </button>
    </>
  );
}
