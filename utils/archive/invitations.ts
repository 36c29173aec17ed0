import type { LocalDate } from '../core/dates';
import { profileKeyFromUrl } from '../core/profile-key';
import { cell, locateColumns, type ColumnSpec } from './csv';
import { parseInvitationDay } from './dates';

/**
 * Invitations.csv, by header name: `From,To,Sent At,Message,Direction,inviterProfileUrl,
 * inviteeProfileUrl`, `Sent At` like `3/14/25, 2:37 PM`. Seen in public code and fixtures, e.g. a
 * Spark loader reading `s3a://raw/linkedin/Invitations.csv` and the pypi package bisos.myLinkedIn
 * (pypi-data/pypi-mirror-358), which augments vCards from Invitations.csv. Older files lack the URLs.
 */
export const INVITATION_COLUMNS = {
  from: { header: 'from', required: true },
  to: { header: 'to', required: true },
  sentAt: { header: 'sent at', required: true },
  message: { header: 'message', required: false },
  direction: { header: 'direction', required: true },
  inviterUrl: { header: 'inviterprofileurl', required: false },
  inviteeUrl: { header: 'inviteeprofileurl', required: false },
} as const satisfies ColumnSpec<string>;

export interface ArchiveInvitation {
  direction: 'sent' | 'received';
  /** The other person's profile key, when the row has their URL. */
  otherKey: string | null;
  otherName: string;
  /** The archive owner's key, when the row has it: the inviter of a sent one, the invitee of a received one. */
  ownerKey: string | null;
  date: LocalDate;
  message: string;
}

export function parseInvitationRows(rows: string[][]): { invitations: ArchiveInvitation[]; unreadable: number } {
  const { rows: body, at } = locateColumns(rows, INVITATION_COLUMNS, 'Invitations.csv');
  const invitations: ArchiveInvitation[] = [];
  let unreadable = 0;
  for (const row of body) {
    const direction = cell(row, at.direction, 20).toUpperCase();
    const date = parseInvitationDay(cell(row, at.sentAt, 60));
    if ((direction !== 'OUTGOING' && direction !== 'INCOMING') || !date) {
      unreadable++;
      continue;
    }
    const sent = direction === 'OUTGOING';
    const inviter = profileKeyFromUrl(cell(row, at.inviterUrl));
    const invitee = profileKeyFromUrl(cell(row, at.inviteeUrl));
    invitations.push({
      direction: sent ? 'sent' : 'received',
      otherKey: sent ? invitee : inviter,
      otherName: cell(row, sent ? at.to : at.from, 300),
      ownerKey: sent ? inviter : invitee,
      date,
      message: cell(row, at.message, 2000),
    });
  }
  return { invitations, unreadable };
}
