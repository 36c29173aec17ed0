import { profileKeyFromUrl } from '../core/profile-key';
import { cell, type ColumnSpec } from './csv';
import { parseMessageTime } from './dates';

/**
 * messages.csv, by header name. Seen in public code: JasonToups/linkedin-export-sorting
 * (linkedin-messages-output-to-unique-url-list.py reads the sender and recipient URL columns) and
 * the header `CONVERSATION ID,…,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT` in several parsers' fixtures.
 */
export const MESSAGE_COLUMNS = {
  conversationId: { header: 'conversation id', required: true },
  from: { header: 'from', required: true },
  senderUrl: { header: 'sender profile url', required: true },
  to: { header: 'to', required: false },
  recipientUrls: { header: 'recipient profile urls', required: true },
  date: { header: 'date', required: true },
  content: { header: 'content', required: false },
  folder: { header: 'folder', required: false },
  draft: { header: 'is message draft', required: false },
} as const satisfies ColumnSpec<string>;

export interface ArchiveMessage {
  conversationId: string;
  /** Sender's profile key; null when the row names no profile (e.g. sponsored messages). */
  sender: string | null;
  senderName: string;
  recipients: string[];
  /** Recipient names by position, only when their count matches the URLs'. */
  recipientNames: string[];
  time: number;
  content: string;
  /** The export's own folder, lower-cased: `inbox`, `sent`, … */
  folder: string;
}

export interface ParsedMessages {
  messages: ArchiveMessage[];
  drafts: number;
  /** Rows without a conversation or a readable date. */
  unreadable: number;
}

const YES = new Set(['yes', 'true', '1', 'sí', 'si']);

/** Profile keys by URL: the owner's URL is on every row, and each person's on many. */
function cachedKeys(): (url: string) => string | null {
  const keys = new Map<string, string | null>();
  return (url) => {
    let key = keys.get(url);
    if (key === undefined) {
      key = profileKeyFromUrl(url.trim());
      keys.set(url, key);
    }
    return key;
  };
}

/** Reads messages.csv rows one at a time (see `readCsvTable`), leaving out drafts. */
export function messageReader(keepContent: boolean) {
  const messages: ArchiveMessage[] = [];
  let drafts = 0;
  let unreadable = 0;
  const keyOf = cachedKeys();
  return {
    add(row: string[], at: Record<keyof typeof MESSAGE_COLUMNS, number>) {
      const folder = cell(row, at.folder, 40).toLowerCase();
      if (YES.has(cell(row, at.draft, 10).toLowerCase()) || folder === 'draft' || folder === 'drafts') {
        drafts++;
        return;
      }
      const conversationId = cell(row, at.conversationId, 300);
      const time = parseMessageTime(cell(row, at.date, 60));
      if (!conversationId || time === null) {
        unreadable++;
        return;
      }
      // Recipients are separated by `;` in the samples and by `,` in older files; URLs hold neither.
      const recipientUrls = cell(row, at.recipientUrls, 20_000).split(/[;,]/).map((url) => url.trim()).filter(Boolean);
      const recipients = recipientUrls.map(keyOf).filter((key): key is string => key !== null);
      const names = cell(row, at.to, 20_000).split(/[;,]/).map((name) => name.trim());
      messages.push({
        conversationId,
        sender: keyOf(cell(row, at.senderUrl)),
        senderName: cell(row, at.from, 300),
        recipients,
        recipientNames: names.length === recipients.length && recipients.length === recipientUrls.length ? names : [],
        time,
        content: keepContent ? cell(row, at.content, 4000) : '',
        folder,
      });
    },
    result(): ParsedMessages {
      return { messages, drafts, unreadable };
    },
  };
}
