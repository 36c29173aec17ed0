import type { Contact, UserFields } from './db';

export type EditableView = UserFields & { name: string };

/** What the sidebar's form shows: the stored contact, with edits not yet confirmed on top. */
export function editableView(contact: Contact | null, pending: Partial<EditableView>): EditableView {
  return {
    name: contact?.name ?? '',
    interests: contact?.interests ?? [],
    offers: contact?.offers ?? [],
    needs: contact?.needs ?? [],
    howICanHelp: contact?.howICanHelp ?? '',
    whereWeMet: contact?.whereWeMet ?? '',
    notes: contact?.notes ?? '',
    tags: contact?.tags ?? [],
    cadenceDays: contact?.cadenceDays ?? null,
    nextFollowUp: contact?.nextFollowUp ?? null,
    ...pending,
  };
}
