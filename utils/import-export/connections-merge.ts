/** LinkedIn's Connections.csv merged into the network: new people added, known ones only filled where empty. */
import type { Contact } from '../core/schema';
import { newContact } from '../core/schema';
import { profileUrlFromKey } from '../core/profile-key';
import type { ProgressListener } from '../core/pacing';
import type { ConnectionRow } from '../archive/connections-csv';
import type { RelationshipDb } from '../storage/db';
import { storedRows, writeRows } from '../storage/bulk';
import { savingProgress, type ImportSummary, type ImportUndo } from './transaction';

/** Page-read and imported fields a known person gets from the file, only where they are empty. */
export function connectionChanges(existing: Contact, person: ConnectionRow): Partial<Contact> {
  const changes: Partial<Contact> = {};
  if (!existing.name.trim() && person.name) changes.name = person.name;
  if (!existing.headline.trim() && person.headline) changes.headline = person.headline;
  if (!existing.email.trim() && person.email) changes.email = person.email;
  if (!existing.profileUrl) changes.profileUrl = profileUrlFromKey(existing.key);
  if (!existing.connectedOn && person.connectedOn) changes.connectedOn = person.connectedOn;
  return changes;
}

/** Adds the people of a Connections.csv that are new and fills the empty fields of those known. */
export async function writeConnections(
  db: RelationshipDb,
  people: ConnectionRow[],
  now: number,
  summary: ImportSummary,
  undo: ImportUndo,
  onProgress?: ProgressListener,
) {
  const existing = await storedRows(db.contacts, people.map((p) => p.key), (c) => c.key);
  const added: Contact[] = [];
  const changed: Contact[] = [];
  for (const person of people) {
    const before = existing.get(person.key);
    if (!before) {
      const fresh = newContact(person.key, now);
      added.push({ ...fresh, name: person.name, headline: person.headline, email: person.email, connectedOn: person.connectedOn });
      summary.created++;
    } else {
      const changes = connectionChanges(before, person);
      if (Object.keys(changes).length === 0) {
        summary.unchanged++;
        continue;
      }
      changed.push({ ...before, ...changes, updatedAt: now });
      summary.updated++;
    }
    undo.contacts.push({ key: person.key, before: before ?? null, writtenAt: now });
  }
  await writeRows(db.contacts, added, changed, savingProgress(added.length + changed.length, onProgress));
}
