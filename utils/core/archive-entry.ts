import * as v from 'valibot';

/**
 * What a timeline entry read from LinkedIn's archive counts: messages (or one invitation) the
 * owner sent and received that day, and whether the conversation had more than two people.
 */
export const archiveDetailSchema = v.object({
  sent: v.pipe(v.number(), v.integer(), v.minValue(0)),
  received: v.pipe(v.number(), v.integer(), v.minValue(0)),
  group: v.boolean(),
});
export type ArchiveDetail = v.InferOutput<typeof archiveDetailSchema>;

/** Message excerpts, kept only when the user asks, stop here. */
export const EXCERPT_LENGTH = 200;

/** Every id an archive entry gets starts so; the entries sort together, and undo deletes them as one range. */
export const ARCHIVE_ID_PREFIX = 'li-';

/** FNV-1a, 32 bits, from a seed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stable id for an entry from its source (e.g. conversation, person and day): the same archive
 * imported again yields the same ids, so nothing is added twice. 64 bits from two seeded hashes.
 */
export function archiveEntryId(kind: 'm' | 'i', parts: readonly string[]): string {
  const text = parts.join('\u0000');
  const high = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const low = fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
  return `${ARCHIVE_ID_PREFIX}${kind}-${high}${low}`;
}

/** The first characters of a message, on one line, without markup LinkedIn sometimes leaves in. */
export function excerptOf(content: string): string {
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, EXCERPT_LENGTH);
}
