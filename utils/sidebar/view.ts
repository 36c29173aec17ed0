import { fieldsOfForm, userFieldsOf, type Contact, type UserFields } from '../core/schema';
import { addPhrases } from '../core/phrases';

export type EditableView = UserFields & { name: string };

/** What the sidebar's form shows: the stored contact, with edits not yet confirmed on top. */
export function editableView(contact: Contact | null, pending: Partial<EditableView>): EditableView {
  return { name: contact?.name ?? '', ...userFieldsOf(contact), ...pending };
}

export const LIST_FIELDS = fieldsOfForm('phrases');
export type ListField = (typeof LIST_FIELDS)[number];
/** Phrases typed into list fields and not yet added as chips, by field. */
export type TypedPhrases = Partial<Record<ListField, string>>;

/**
 * What a list field saves: its chips plus the phrase still in the box, so a phrase typed without
 * Enter is kept like any keystroke when the tab closes or the page changes.
 */
export function listToSave(values: string[], phrase: string | undefined): string[] {
  return phrase ? addPhrases(values, phrase) : values;
}

/**
 * A pushed state shown while phrases are being typed: each such field keeps the chips on screen,
 * since what was saved for it already holds the phrase that is still in the box.
 */
export function viewWhileTyping(view: EditableView, phrases: TypedPhrases, chips: Partial<Record<ListField, string[]>>): EditableView {
  const next = { ...view };
  for (const field of LIST_FIELDS) {
    if (phrases[field] && chips[field]) next[field] = chips[field];
  }
  return next;
}
