import type { LocalDate } from '../core/dates';
import type { Interaction } from '../core/schema';

/**
 * Whether two readings of someone's role say the same thing: a change of case, punctuation,
 * emoji or spacing is no new job ("Data Engineer @ Kaizen 🚀" and "data engineer, kaizen").
 */
export function sameRole(first: string, second: string): boolean {
  return roleWords(first) === roleWords(second);
}

function roleWords(role: string): string {
  return role
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The role a person had and has now, when it really changed; null for a first reading or the same role. */
export function roleChange(before: string | undefined, now: string | undefined): { from: string; to: string } | null {
  const from = before?.trim() ?? '';
  const to = now?.trim() ?? '';
  return from && to && !sameRole(from, to) ? { from, to } : null;
}

/** The timeline entry of a new role: what changed, from and to, on the day it was seen. */
export function newRoleEntry(key: string, change: { from: string; to: string }, date: LocalDate, now: number): Interaction {
  return { id: crypto.randomUUID(), contactKey: key, kind: 'new-role', date, text: `${change.from} → ${change.to}`, createdAt: now, updatedAt: now };
}
