import { beforeEach, describe, expect, it } from 'vitest';
import { logInteraction, saveUserFields } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { eventContactDefaults, eventModeItem, finishEvent, metAtEvent, toggleStar, toggleStoredStar, type EventMode } from '@/utils/followups/event-mode';

let db: RelationshipDb;
beforeEach(async () => {
  db = openRelationshipDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

const pydata: EventMode = { name: 'PyData Osaka', startedAt: 0, phase: 'on', starred: [] };

describe('event mode', () => {
  it('gives a person first saved there the event and a follow-up in 2 days', () => {
    expect(eventContactDefaults(pydata, '2026-03-10')).toEqual({ whereWeMet: 'PyData Osaka', nextFollowUp: '2026-03-12' });
    expect(eventContactDefaults({ ...pydata, phase: 'review' }, '2026-03-10')).toBeNull();
    expect(eventContactDefaults(null, '2026-03-10')).toBeNull();
  });

  it('applies only on the first save, and never over what the user typed', async () => {
    const defaults = eventContactDefaults(pydata, '2026-03-10')!;
    await saveUserFields(db, 'old-friend', { notes: 'Met years ago' });
    await saveUserFields(db, 'old-friend', { notes: 'Saw again' }, {}, defaults);
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Data lead' }, {}, defaults);
    await saveUserFields(db, 'amara-okafor', { whereWeMet: 'The speakers’ dinner' }, {}, defaults);
    await logInteraction(db, { id: 'i1', contactKey: 'zhang-wei', kind: 'meeting', date: '2026-03-10', text: '' }, {}, defaults);
    expect(await db.contacts.get('old-friend')).toMatchObject({ whereWeMet: '', nextFollowUp: null });
    expect(await db.contacts.get('kenji-tanaka')).toMatchObject({ whereWeMet: 'PyData Osaka', nextFollowUp: '2026-03-12' });
    expect(await db.contacts.get('amara-okafor')).toMatchObject({ whereWeMet: 'The speakers’ dinner' });
    expect(await db.contacts.get('zhang-wei')).toMatchObject({ whereWeMet: 'PyData Osaka', nextFollowUp: '2026-03-12' });
  });

  it('keeps both of two stars clicked in quick succession', async () => {
    await eventModeItem.setValue({ ...pydata, phase: 'review' });
    await Promise.all([toggleStoredStar('kenji-tanaka'), toggleStoredStar('amara-okafor'), toggleStoredStar('zhang-wei'), toggleStoredStar('zhang-wei')]);
    expect((await eventModeItem.getValue())?.starred).toEqual(['kenji-tanaka', 'amara-okafor']);
  });

  it('lists who was met since it started, and the starred alone keep their follow-up', async () => {
    const defaults = eventContactDefaults(pydata, '2026-03-10')!;
    for (const key of ['kenji-tanaka', 'amara-okafor', 'zhang-wei']) await saveUserFields(db, key, { name: key }, {}, defaults);
    const event = toggleStar(toggleStar(toggleStar({ ...pydata, phase: 'review' }, 'kenji-tanaka'), 'zhang-wei'), 'zhang-wei');
    expect(event.starred).toEqual(['kenji-tanaka']);
    expect((await metAtEvent(db, event)).map((c) => c.key)).toEqual(['amara-okafor', 'kenji-tanaka', 'zhang-wei']);
    expect(await metAtEvent(db, { ...event, startedAt: Date.now() + 60_000 })).toEqual([]);
    await finishEvent(db, event);
    expect((await db.contacts.get('kenji-tanaka'))?.nextFollowUp).toBe('2026-03-12');
    expect((await db.contacts.get('amara-okafor'))?.nextFollowUp).toBeNull();
    expect((await db.contacts.get('zhang-wei'))?.nextFollowUp).toBeNull();
  });
});
