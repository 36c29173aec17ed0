import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveUserFields } from '@/utils/people/contacts';
import { openRelationshipDb, type RelationshipDb } from '@/utils/storage/db';
import { networkIntroductions } from '@/utils/network/queries';
import { serveNetworkSuggestions, type SuggestionsAnswer, type SuggestionsChannel } from '@/utils/network/suggestions';

function fakeChannel() {
  const answers: SuggestionsAnswer[] = [];
  const channel: SuggestionsChannel = { onmessage: null, postMessage: (message) => void answers.push(structuredClone(message)) };
  return { channel, answers, ask: (data: unknown) => channel.onmessage?.({ data }) };
}

describe('the network suggestions worker', () => {
  let db: RelationshipDb;
  let served: { stop(): void } | undefined;
  beforeEach(async () => {
    db = openRelationshipDb(`suggestions-${crypto.randomUUID()}`);
    await db.open();
    await saveUserFields(db, 'kenji-tanaka', { name: 'Kenji Tanaka', offers: ['data engineering'] });
    await saveUserFields(db, 'amara-okafor', { name: 'Amara Okafor', needs: ['Data Engineering'] });
  });
  afterEach(() => {
    served?.stop();
    db.close();
  });

  it('answers with the same suggestions the page would compute, and again when they change', async () => {
    const { channel, answers, ask } = fakeChannel();
    served = serveNetworkSuggestions(db, channel);
    ask({ limit: 20 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toEqual({ type: 'suggestions', suggestions: await networkIntroductions(db, 20) });
    expect(answers[0]).toMatchObject({ suggestions: [{ seeker: { key: 'amara-okafor' }, helper: { key: 'kenji-tanaka' } }] });

    // A change that leaves the list as it was is not sent again.
    await saveUserFields(db, 'kenji-tanaka', { notes: 'Runs PyData Osaka' });
    await saveUserFields(db, 'zhang-wei', { name: '张伟', interests: ['data engineering'] });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toMatchObject({ suggestions: [{ helper: { key: 'kenji-tanaka' } }, { helper: { key: 'zhang-wei' } }] });
  });

  it('ignores a request it cannot read', async () => {
    const { channel, answers, ask } = fakeChannel();
    served = serveNetworkSuggestions(db, channel);
    ask({ limit: 'all' });
    ask(null);
    // A request it can read, after them, is answered alone.
    ask({ limit: 20 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toMatchObject({ type: 'suggestions', suggestions: [{ seeker: { key: 'amara-okafor' } }] });
  });
});
