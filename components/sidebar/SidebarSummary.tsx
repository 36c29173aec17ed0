import type { Contact } from '@/utils/core/schema';
import { isDue } from '@/utils/followups/rules';
import { formatAgo, formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';

interface Props {
  name: string;
  headline: string;
  photoUrl: string;
  /** The stored person, or null before the first save; undefined while loading. */
  contact: Contact | null | undefined;
  today: string;
  /** Folds the in-page sidebar to its tab; the side panel has none (the browser closes it). */
  onCollapse?(): void;
}

/** The top of the sidebar: who, and one line of where things stand with them. */
export function SidebarSummary({ name, headline, photoUrl, contact, today, onCollapse }: Props) {
  return (
    <header className="sidebar-head">
      {photoUrl && <img className="avatar" src={photoUrl} alt="" width={40} height={40} />}
      <div className="who">
        <h1>{name || t('common.unnamed')}</h1>
        {headline && <p className="headline">{headline}</p>}
        {contact !== undefined && <p className="state-line">{stateLine(contact, today)}</p>}
      </div>
      {onCollapse && (
        <button type="button" className="icon" aria-label={t('sidebar.collapse')} title={t('sidebar.collapse')} onClick={onCollapse}>
          ▸
        </button>
      )}
    </header>
  );
}

function stateLine(contact: Contact | null, today: string): string {
  const parts = [
    contact?.lastInteraction
      ? t('sidebar.stateLastContact', [formatAgo(contact.lastInteraction, today)])
      : t('sidebar.stateNoContact'),
  ];
  if (contact?.nextFollowUp) {
    parts.push(
      isDue(contact, today)
        ? t('sidebar.stateFollowUpDue', [formatDate(contact.nextFollowUp)])
        : t('sidebar.stateFollowUp', [formatDate(contact.nextFollowUp)]),
    );
  }
  if (contact?.cadenceDays) parts.push(t('cadence.everyDays', contact.cadenceDays));
  return parts.join(' · ');
}
