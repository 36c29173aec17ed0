import { useId, useState } from 'react';
import type { Contact } from '@/utils/core/schema';
import { t } from '@/utils/core/i18n';
import { changeTag } from '@/utils/network/queries';
import { getDb } from '@/utils/storage/db';
import { Field } from '../ui/Field';

/** Adds a tag to, or removes it from, everyone chosen in the list at once. */
export function BulkTagging({ chosen, tags }: { chosen: Contact[]; tags: ReadonlyArray<{ value: string }> }) {
  const db = getDb();
  const id = useId();
  const [tag, setTag] = useState('');
  const [outcome, setOutcome] = useState('');
  const applyTag = async (change: 'add' | 'remove') => {
    const label = tag.trim();
    if (!label || chosen.length === 0) return;
    const changed = await changeTag(
      db,
      chosen.map((row) => row.key),
      label,
      change,
    );
    setOutcome(t(change === 'add' ? 'network.tagAdded' : 'network.tagRemoved', changed, [label, String(changed)]));
  };

  return (
    <div className="network-bulk" role="group" aria-label={t('network.bulk')}>
      <span>{t('network.selected', chosen.length)}</span>
      <Field label={t('network.bulkTag')} className="field inline">
        <input list={`${id}-tags`} value={tag} onChange={(event) => setTag(event.target.value)} />
      </Field>
      <datalist id={`${id}-tags`}>
        {tags.map(({ value }) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <button type="button" disabled={!tag.trim() || chosen.length === 0} onClick={() => void applyTag('add')}>
        {t('network.addTag')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!tag.trim() || chosen.length === 0}
        onClick={() => void applyTag('remove')}
      >
        {t('network.removeTag')}
      </button>
      <p role="status" className="status">
        {outcome}
      </p>
    </div>
  );
}
