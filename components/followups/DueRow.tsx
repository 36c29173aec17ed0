import { Field } from '../ui/Field';
import { useId, useState } from 'react';
import { HAND_KINDS, type InteractionKind } from '@/utils/core/interaction-kinds';
import type { Contact } from '@/utils/core/schema';
import { addDaysToLocalDate, daysBetween, isLocalDate } from '@/utils/core/dates';
import { getDb } from '@/utils/storage/db';
import { logInteraction, snoozeFollowUp } from '@/utils/people/contacts';
import { daysOverdue } from '@/utils/followups/rules';
import { formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import { kindLabel } from '../ui/labels';
import { openProfile } from '../pages/open-profile';
import type { RowProps } from '../ui/WindowList';

/** One person due today: who, why, and the three things to do about it. */
export function DueRow({ contact, today, rowProps }: { contact: Contact; today: string; rowProps?: RowProps }) {
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>('message');
  const [snoozing, setSnoozing] = useState(false);
  const db = getDb();
  const name = contact.name || contact.key;
  const overdue = daysOverdue(contact, today);
  const snooze = (choice: { days: number } | { until: string }) => {
    setSnoozing(false);
    void snoozeFollowUp(db, contact.key, choice, today);
  };
  return (
    <li className="due" aria-labelledby={`${id}-name`} {...rowProps}>
      <div className="due-head">
        <strong id={`${id}-name`}>{name}</strong>
        <span className={overdue > 0 ? 'badge late' : 'badge'}>{t('popup.overdue', overdue)}</span>
      </div>
      {contact.headline && <p className="muted headline">{contact.headline}</p>}
      <ul className="why" aria-label={t('popup.why')}>
        {contact.howICanHelp && <li>{t('popup.howICanHelp', [contact.howICanHelp])}</li>}
        {contact.needs.length > 0 && <li>{t('popup.lookingFor', [contact.needs.join(', ')])}</li>}
        <li>
          {contact.lastInteraction
            ? t('popup.lastInteraction', [
                formatDate(contact.lastInteraction),
                t('common.daysAgo', daysBetween(contact.lastInteraction, today)),
              ])
            : t('popup.noInteraction')}
        </li>
      </ul>
      <div className="row actions">
        <a className="button-link" href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
          {t('common.openProfile')}
        </a>
        <select aria-label={t('popup.doneAs', [name])} value={kind} onChange={(e) => setKind(e.target.value as InteractionKind)}>
          {HAND_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            void logInteraction(db, { id: crypto.randomUUID(), contactKey: contact.key, kind, date: today, text: '' })
          }
        >
          {t('popup.done')}
        </button>
        <button type="button" className="secondary" aria-expanded={snoozing} onClick={() => setSnoozing(!snoozing)}>
          {t('popup.snooze')}
        </button>
      </div>
      {snoozing && (
        <div className="row snooze">
          <button type="button" className="secondary" onClick={() => snooze({ days: 1 })}>
            {t('popup.snoozeDay')}
          </button>
          <button type="button" className="secondary" onClick={() => snooze({ days: 7 })}>
            {t('popup.snoozeWeek')}
          </button>
          <Field label={t('popup.snoozeDate')} className="field inline">
            <input
              type="date"
              min={addDaysToLocalDate(today, 1)}
              onChange={(e) => isLocalDate(e.target.value) && e.target.value > today && snooze({ until: e.target.value })}
            />
          </Field>
        </div>
      )}
    </li>
  );
}
