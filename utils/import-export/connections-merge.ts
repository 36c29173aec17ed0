/** LinkedIn's Connections.csv merged into the network: new people added, known ones only filled where empty. */
import type { Contact, Interaction } from '../core/schema';
import { localToday } from '../core/dates';
import { newRoleEntry, roleChange } from '../people/roles';
import { newContact } from '../core/schema';
import { profileUrlFromKey } from '../core/profile-key';
import type { ProgressListener } from '../core/pacing';
import type { ConnectionRow } from '../archive/connections-csv';
import type { RelationshipDb } from '../storage/db';
import { storedRows, writeRows } from '../storage/bulk';
import { savingProgress, type ImportSummary, type ImportUndo } from './transaction';

/**
 * Page-read and imported fields a known person gets from the file, only where they are empty; and
 * the role the file gives, remembered to notice the next one. A headline the file wrote before
 * follows the file's newer role; one read on their page stays.
 */
export function connectionChanges(existing: Contact, person: ConnectionRow): Partial<Contact> {
  const changes: Partial<Contact> = {};
  const role = person.headline.trim();
  if (role && role !== (existing.importedRole ?? '')) {
    changes.importedRole = role;
    if (existing.headline && existing.headline === existing.importedRole) changes.headline = role;
  }
  if (!existing.name.trim() && person.name) changes.name = person.name;
  if (!existing.headline.trim() && person.headline) changes.headline = person.headline;
  if (!existing.email.trim() && person.email) changes.email = person.email;
  if (!existing.profileUrl) changes.profileUrl = profileUrlFromKey(existing.key);
  if (!existing.connectedOn && person.connectedOn) changes.connectedOn = person.connectedOn;
  return changes;
}

/**
 * A known person's new role in a newer file, as a timeline entry counted in the summary and put
 * back by undo; null when the role is the same (or the file gives the first one).
 */
export function newRoleFromFile(before: Contact, person: ConnectionRow, now: number, summary: ImportSummary, undo: ImportUndo): Interaction | null {
  const change = roleChange(before.importedRole, person.headline);
  if (!change) return null;
  const entry = newRoleEntry(before.key, change, localToday(new Date(now)), now);
  summary.jobChanges++;
  undo.interactions.push({ id: entry.id, before: null, writtenAt: now });
  return entry;
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
  const roles: Interaction[] = [];
  for (const person of people) {
    const before = existing.get(person.key);
    if (!before) {
      const fresh = newContact(person.key, now);
      const { name, headline, email, connectedOn } = person;
      added.push({ ...fresh, name, headline, email, connectedOn, importedRole: headline });
      summary.created++;
    } else {
      const role = newRoleFromFile(before, person, now, summary, undo);
      if (role) roles.push(role);
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
  if (roles.length > 0) await db.interactions.bulkAdd(roles);
}
