import { useState } from 'react';
import type { Interaction } from '@/utils/core/schema';
import type { InteractionKind } from '@/utils/core/interaction-kinds';
import { InteractionFields, type EntryDraft } from '../ui/InteractionFields';
import { formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import { archiveDetailLabel, kindLabel } from '../ui/labels';

interface Props {
  interactions: Interaction[];
  onEdit(id: string, changes: { kind: InteractionKind; date: string; text: string }): void;
  onDelete(id: string): void;
}

/** Every contact made with a person, newest first, each one editable. */
export function Timeline({ interactions, onEdit, onDelete }: Props) {
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('sidebar.timeline')}</h2>
      {interactions.length === 0 ? (
        <p className="empty">{t('sidebar.timelineEmpty')}</p>
      ) : (
        <ol aria-labelledby="timeline-title">
          {interactions.map((entry) => (
            <TimelineEntry key={entry.id} entry={entry} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({ entry, onEdit, onDelete }: { entry: Interaction } & Omit<Props, 'interactions'>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<EntryDraft>({ kind: entry.kind, date: entry.date, text: entry.text });
  const when = formatDate(entry.date);
  if (editing) {
    return (
      <li className="entry editing">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onEdit(entry.id, draft);
            setEditing(false);
          }}
        >
          <InteractionFields entry={draft} onChange={setDraft} />
          <div className="row">
            <button type="submit">{t('common.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="entry">
      <div className="entry-head">
        <strong>{kindLabel(entry.kind)}</strong> <time dateTime={entry.date}>{when}</time>
        {entry.archive && <span className="entry-detail"> · {archiveDetailLabel(entry.kind, entry.archive)}</span>}
      </div>
      {entry.text && <p className="entry-text">{entry.text}</p>}
      <div className="row">
        <button type="button" className="link" aria-label={t('sidebar.editEntry', [when])} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </button>
        <button type="button" className="link" aria-label={t('sidebar.deleteEntry', [when])} onClick={() => onDelete(entry.id)}>
          {t('common.delete')}
        </button>
      </div>
    </li>
  );
}
