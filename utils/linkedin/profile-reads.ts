import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { localToday, type LocalDate } from '../core/dates';
import { profileReadOf, type MessageSender } from './page-messages';

/**
 * How well the page reader does on the LinkedIn pages this user visits: profile visits whose
 * person it read, and those it could not, since a day; and the structure (no text) of the last page
 * it could not read, for a report. No page content is kept.
 */
export interface ProfileReads {
  since: LocalDate;
  readable: number;
  unreadable: number;
  /** `utils/linkedin/page-shape.ts` of the last unreadable page, and the day it was seen. */
  lastShape: { shape: string; on: LocalDate } | null;
}

export const profileReadsItem = storage.defineItem<ProfileReads | null>('local:profileReads', { fallback: null, version: 1 });

/** The counts after one more profile visit. */
export function countProfileRead(
  previous: ProfileReads | null,
  read: { readable: boolean; shape?: string },
  today: LocalDate,
): ProfileReads {
  const counts = previous ?? { since: today, readable: 0, unreadable: 0, lastShape: null };
  return read.readable
    ? { ...counts, readable: counts.readable + 1 }
    : { ...counts, unreadable: counts.unreadable + 1, lastShape: read.shape ? { shape: read.shape, on: today } : counts.lastShape };
}

/** The background's part: each tab's content script reports its profile visits; they are counted here. */
export function countProfileReads(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    const read = profileReadOf(message, sender, browser.runtime.id);
    if (!read) return undefined;
    // Several tabs may report at once: one read-and-write at a time.
    void navigator.locks
      .request('profile-reads', async () => profileReadsItem.setValue(countProfileRead(await profileReadsItem.getValue(), read, localToday())))
      .catch(() => undefined);
    return undefined;
  });
}
