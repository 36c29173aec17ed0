import type { ConnectionRow } from './connections-csv';
import { Pacer } from '../core/pacing';
import type { Interaction } from '../core/schema';
import { foldText } from '../core/search-terms';
import { archiveEntryId, excerptOf, type ArchiveDetail } from '../core/archive-entry';
import { localDay, utcDay } from './dates';
import type { ArchiveInvitation } from './invitations';
import type { ArchiveMessage } from './message-rows';

/** What one archive holds, parsed; any part may be missing when a single CSV is imported. */
export interface ArchiveContents {
  connections: ConnectionRow[];
  messages: ArchiveMessage[];
  invitations: ArchiveInvitation[];
  /** From Profile.csv, when present. */
  ownerName: string;
  keepExcerpts: boolean;
}

/** A timeline entry the archive yields, before it is stamped with the moment it is written. */
export type ArchiveEntry = Pick<Interaction, 'id' | 'contactKey' | 'kind' | 'date' | 'text'> & { archive: ArchiveDetail };

/** Someone the archive knows: a connection, or a person the owner exchanged messages with. */
export interface ArchivePerson extends ConnectionRow {
  fromMessages: boolean;
}

export interface ArchivePlan {
  people: Map<string, ArchivePerson>;
  entries: ArchiveEntry[];
  ownerKeys: Set<string>;
  /** Member-id keys replaced by the vanity key the archive shows for the same person. */
  resolvedMemberIds: number;
}

/** A full name as a match key: case, accents and spacing never matter. */
const nameKey = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();

// Member-id keys (`ACoAA…`) keep their case; vanity keys are lower-case.
const isMemberId = (key: string) => /^ACo/.test(key);

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Names the messages give each key: a sender's FROM, recipients' TO when they line up. */
async function namesByKey(messages: readonly ArchiveMessage[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const pacer = new Pacer();
  for (const message of messages) {
    if (pacer.due()) await pacer.pause();
    if (message.sender && message.senderName && !names.has(message.sender)) names.set(message.sender, message.senderName);
    message.recipientNames.forEach((name, index) => {
      const key = message.recipients[index]!;
      if (name && !names.has(key)) names.set(key, name);
    });
  }
  return names;
}

/**
 * The archive owner's keys. Invitations say it outright (the inviter of a sent one); else the
 * name in Profile.csv; else whoever is in the most conversations, preferring someone who is not
 * among the connections and who sent messages filed as `sent`.
 */
export function findOwnerKeys(contents: ArchiveContents, names: Map<string, string>): Set<string> {
  const votes = new Map<string, number>();
  for (const invitation of contents.invitations) {
    if (invitation.ownerKey) votes.set(invitation.ownerKey, (votes.get(invitation.ownerKey) ?? 0) + 1);
  }
  let owner: string | undefined = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ownerName = nameKey(contents.ownerName);
  if (!owner && ownerName) owner = [...names].find(([, name]) => nameKey(name) === ownerName)?.[0];
  if (!owner) {
    const conversations = new Map<string, Set<string>>();
    const sentFolder = new Set<string>();
    for (const message of contents.messages) {
      for (const key of [message.sender, ...message.recipients]) if (key) addTo(conversations, key, message.conversationId);
      if (message.sender && message.folder === 'sent') sentFolder.add(message.sender);
    }
    const connected = new Set(contents.connections.map((person) => person.key));
    const score = (key: string) => [conversations.get(key)!.size, connected.has(key) ? 0 : 1, sentFolder.has(key) ? 1 : 0];
    owner = [...conversations.keys()].sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]! || a.localeCompare(b);
    })[0];
  }
  const keys = new Set<string>();
  if (!owner) return keys;
  keys.add(owner);
  // The owner may appear under a member-id URL too, with the same name.
  const name = nameKey(names.get(owner) ?? contents.ownerName);
  if (name) for (const [key, other] of names) if (isMemberId(key) && nameKey(other) === name) keys.add(key);
  return keys;
}

/**
 * Member-id key → vanity key, where the archive itself shows who it is: exactly one vanity key
 * (a connection, or a vanity URL in the messages) and exactly one member-id carry the same full
 * name. Anything less certain keeps the member-id key.
 */
export function memberIdResolution(
  connections: readonly ConnectionRow[],
  names: Map<string, string>,
  ownerKeys: ReadonlySet<string>,
): Map<string, string> {
  const vanityByName = new Map<string, Set<string>>();
  const memberByName = new Map<string, Set<string>>();
  for (const person of connections) if (person.name && !isMemberId(person.key)) addTo(vanityByName, nameKey(person.name), person.key);
  for (const [key, name] of names) {
    if (ownerKeys.has(key) || !name) continue;
    addTo(isMemberId(key) ? memberByName : vanityByName, nameKey(name), key);
  }
  const resolved = new Map<string, string>();
  for (const [name, members] of memberByName) {
    const vanity = vanityByName.get(name);
    if (members.size === 1 && vanity?.size === 1) resolved.set([...members][0]!, [...vanity][0]!);
  }
  return resolved;
}

interface Tally {
  entry: ArchiveEntry;
  latest: number;
}

export interface PlanOptions {
  /** Messages matched to people so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Turns what the archive holds into people and timeline entries; pure, nothing is written.
 * One message entry per person, conversation and day (UTC day, so ids never depend on the time
 * zone), with how many messages were sent and received; every other participant of a group
 * conversation gets one, marked as a group. One entry per invitation.
 */
export async function planArchiveImport(contents: ArchiveContents, options: PlanOptions = {}): Promise<ArchivePlan> {
  const names = await namesByKey(contents.messages);
  const ownerKeys = findOwnerKeys(contents, names);
  const resolution = memberIdResolution(contents.connections, names, ownerKeys);
  const resolve = (key: string) => resolution.get(key) ?? key;

  const people = new Map<string, ArchivePerson>();
  for (const person of contents.connections) {
    if (!ownerKeys.has(person.key)) people.set(person.key, { ...person, fromMessages: false });
  }

  const pacer = new Pacer();
  const participants = new Map<string, Set<string>>();
  for (const message of contents.messages) {
    if (pacer.due()) await pacer.pause();
    for (const key of [message.sender, ...message.recipients]) {
      if (key && !ownerKeys.has(key)) addTo(participants, message.conversationId, resolve(key));
    }
  }

  const tallies = new Map<string, Tally>();
  const bump = (message: ArchiveMessage, day: string, key: string, group: boolean, direction: 'sent' | 'received') => {
    const slot = `${message.conversationId}\u0000${key}\u0000${day}`;
    let tally = tallies.get(slot);
    if (!tally) {
      // Its id and its person now, inside the loop that shows progress; only the date waits for the last message.
      const id = archiveEntryId('m', [message.conversationId, key, day]);
      tally = { entry: { id, contactKey: key, kind: 'message', date: '', text: '', archive: { sent: 0, received: 0, group } }, latest: -Infinity };
      tallies.set(slot, tally);
      if (!people.has(key)) {
        people.set(key, { key, name: names.get(key) ?? '', headline: '', email: '', connectedOn: null, fromMessages: true });
      }
    }
    tally.entry.archive[direction]++;
    if (message.time >= tally.latest) {
      tally.latest = message.time;
      if (contents.keepExcerpts) tally.entry.text = excerptOf(message.content);
    }
  };
  const total = contents.messages.length;
  for (const [index, message] of contents.messages.entries()) {
    if (pacer.due()) {
      options.onProgress?.(index, total);
      await pacer.pause();
    }
    const others = participants.get(message.conversationId);
    if (!others || !message.sender) continue;
    const group = others.size > 1;
    const day = utcDay(message.time);
    if (ownerKeys.has(message.sender)) for (const key of others) bump(message, day, key, group, 'sent');
    else bump(message, day, resolve(message.sender), group, 'received');
  }
  options.onProgress?.(total, total);

  const entries: ArchiveEntry[] = [];
  for (const { entry, latest } of tallies.values()) {
    entry.date = localDay(latest);
    entries.push(entry);
  }

  const connectionByName = new Map<string, Set<string>>();
  for (const person of contents.connections) if (person.name) addTo(connectionByName, nameKey(person.name), person.key);
  const seenInvitations = new Set<string>();
  for (const invitation of contents.invitations) {
    if (pacer.due()) await pacer.pause();
    let key = invitation.otherKey ? resolve(invitation.otherKey) : null;
    if (!key) {
      const byName = connectionByName.get(nameKey(invitation.otherName));
      key = byName?.size === 1 ? [...byName][0]! : null;
    }
    if (!key || ownerKeys.has(key)) continue;
    const id = archiveEntryId('i', [invitation.direction, key, invitation.date]);
    if (seenInvitations.has(id)) continue;
    seenInvitations.add(id);
    const sent = invitation.direction === 'sent';
    entries.push({
      id,
      contactKey: key,
      kind: 'invitation',
      date: invitation.date,
      text: invitation.message,
      archive: { sent: sent ? 1 : 0, received: sent ? 0 : 1, group: false },
    });
  }
  return { people, entries, ownerKeys, resolvedMemberIds: resolution.size };
}
