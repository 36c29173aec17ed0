import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import type { RelationshipDb } from '../storage/db';
import { addDaysToLocalDate } from '../core/dates';
import { storage } from 'wxt/utils/storage';

/** Days after an event that a person met there is suggested for a follow-up. */
export const EVENT_FOLLOW_UP_DAYS = 2;

/** "I'm at <event>": on while there, then reviewed to star the two or three who mattered. */
export interface EventMode {
  name: string;
  /** When it was switched on: the people met there are those first saved since. */
  startedAt: number;
  phase: 'on' | 'review';
  /** Keys of the people starred in the review. */
  starred: string[];
}

/** What a person first saved during event mode gets: the event as where we met, and a follow-up. */
export function eventContactDefaults(event: EventMode | null, today: LocalDate): Pick<Contact, 'whereWeMet' | 'nextFollowUp'> | null {
  if (!event || event.phase !== 'on') return null;
  return { whereWeMet: event.name, nextFollowUp: addDaysToLocalDate(today, EVENT_FOLLOW_UP_DAYS) };
}

/** Who was met at the event: saved since it started, with it as where we met. By name. */
export async function metAtEvent(db: RelationshipDb, event: Pick<EventMode, 'name' | 'startedAt'>): Promise<Contact[]> {
  const met = await db.contacts.where('whereWeMet').equals(event.name).filter((c) => c.createdAt >= event.startedAt).toArray();
  return met.sort((a, b) => (a.name || a.key).localeCompare(b.name || b.key));
}

/** Ends the review: the starred keep their follow-up, everyone else met there loses it. */
export async function finishEvent(db: RelationshipDb, event: EventMode): Promise<void> {
  const starred = new Set(event.starred);
  await db.transaction('rw', db.contacts, async () => {
    for (const contact of await metAtEvent(db, event)) {
      if (!starred.has(contact.key) && contact.nextFollowUp) {
        await db.contacts.update(contact.key, { nextFollowUp: null, updatedAt: Date.now() });
      }
    }
  });
}

/** Stars or unstars a person in the review. */
export function toggleStar(event: EventMode, key: string): EventMode {
  const starred = event.starred.includes(key) ? event.starred.filter((k) => k !== key) : [...event.starred, key];
  return { ...event, starred };
}

/** "I'm at <event>", set from the popup; read by the background when a person is first saved. */
export const eventModeItem = storage.defineItem<EventMode | null>('local:eventMode', {
  fallback: null,
  version: 1,
});

/** The star writes of this page, one after another. */
let starring: Promise<void> = Promise.resolve();

/**
 * Stars or unstars a person on the event as stored, each toggle after the one before: two stars
 * clicked in quick succession both stay (toggling the event a view drew lost the first one).
 */
export function toggleStoredStar(key: string): Promise<void> {
  starring = starring
    .then(async () => {
      const current = await eventModeItem.getValue();
      if (current) await eventModeItem.setValue(toggleStar(current, key));
    })
    .catch(() => undefined);
  return starring;
}
