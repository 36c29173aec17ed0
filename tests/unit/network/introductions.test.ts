import { describe, expect, it } from 'vitest';
import { introductionsForPerson, MATCH_THRESHOLD, suggestIntroductions, type MatchProfile } from '@/utils/network/introductions';
import { pairKey } from '@/utils/network/suggestion';
import { phraseSimilarity, phraseStems, stem } from '@/utils/core/stemming';

function person(key: string, fields: Partial<MatchProfile> = {}): MatchProfile {
  return {
    key,
    name: key.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    offers: [],
    interests: [],
    needs: [],
    lastInteraction: null,
    ...fields,
  };
}

const matches = (need: string, offer: string) => phraseSimilarity(phraseStems(need), phraseStems(offer)) >= MATCH_THRESHOLD;

describe('phrases that mean the same', () => {
  it.each([
    ['data engineering', 'Data Engineering'],
    ['diseño de producto', 'DISENO DE PRODUCTO'],
    ['relación con inversores', 'relaciones con inversor'],
    ['introductions to investors', 'investor introductions'],
    ['engineering, data', 'data engineering'],
    ['companies', 'company'],
    ['services', 'service'],
    ['boxes', 'box'],
    ['business', 'businesses'],
    ['análisis de datos', 'analisis dato'],
  ])('%s ≈ %s', (need, offer) => {
    expect(phraseStems(need)).toEqual(phraseStems(offer));
    expect(matches(need, offer)).toBe(true);
  });

  it('keeps only plurals together: "engineer" is not "engineering"', () => {
    expect(stem('engineers')).toBe(stem('engineer'));
    expect(stem('engineering')).not.toBe(stem('engineer'));
  });

  it('matches a phrase inside a longer one, but not two phrases that share one word of two', () => {
    expect(matches('data engineering', 'data engineering consulting')).toBe(true);
    expect(matches('seed funding', 'funding')).toBe(true);
    expect(matches('data engineering', 'data science')).toBe(false);
    expect(matches('machine learning', 'deep learning')).toBe(false);
  });

  it('ignores small words in both languages', () => {
    expect(phraseStems('a mentor for the team')).toEqual(phraseStems('mentor team'));
    expect(phraseStems('un mentor para el equipo')).toEqual(phraseStems('mentor equipo'));
  });
});

describe('suggesting introductions', () => {
  const amara = person('amara-okafor', { needs: ['data engineering', 'seed investors'] });
  const kenji = person('kenji-tanaka', { offers: ['Data Engineering'] });
  const lucia = person('lucia-fernandez', { interests: ['data engineering'] });
  const zhang = person('zhang-wei', { offers: ['data engineering', 'introductions to seed investors'] });
  const nobody = person('someone-else', { offers: ['data science'] });

  it('says who offers what and who is looking for it', () => {
    const [first] = suggestIntroductions([amara], [kenji]);
    expect(first).toMatchObject({
      seeker: { key: 'amara-okafor', name: 'Amara Okafor' },
      helper: { key: 'kenji-tanaka', name: 'Kenji Tanaka' },
      reasons: [{ via: 'offers', what: 'Data Engineering', need: 'data engineering' }],
      introducedOn: null,
    });
  });

  it('ranks more needs met above one, an offer above an interest, and leaves out weak matches', () => {
    const ranked = suggestIntroductions([amara], [lucia, nobody, kenji, zhang], { perSeeker: 5 });
    expect(ranked.map((s) => s.helper.key)).toEqual(['zhang-wei', 'kenji-tanaka', 'lucia-fernandez']);
    expect(ranked[2]!.reasons[0]!.via).toBe('interests');
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score);
  });

  it('breaks ties by how recently you were in touch with both', () => {
    const warm = person('warm', { offers: ['data engineering'], lastInteraction: '2025-05-01' });
    const cold = person('cold', { offers: ['data engineering'], lastInteraction: '2023-01-01' });
    const ranked = suggestIntroductions([{ ...amara, lastInteraction: '2025-04-01' }], [cold, warm]);
    expect(ranked.map((s) => s.helper.key)).toEqual(['warm', 'cold']);
  });

  it('never suggests introducing someone to themselves', () => {
    const both = person('both', { needs: ['design'], offers: ['design'] });
    expect(suggestIntroductions([both], [both])).toEqual([]);
  });

  it('caps suggestions per person so one person never fills the network list', () => {
    const helpers = Array.from({ length: 10 }, (_, i) => person(`h${i}`, { offers: ['data engineering'] }));
    const other = person('other', { needs: ['data engineering'] });
    const ranked = suggestIntroductions([amara, other], helpers, { perSeeker: 2, limit: 10 });
    expect(ranked.filter((s) => s.seeker.key === 'amara-okafor')).toHaveLength(2);
    expect(ranked.filter((s) => s.seeker.key === 'other')).toHaveLength(2);
  });

  it('marks introductions already made, or leaves them out', () => {
    const introduced = new Map([[pairKey('kenji-tanaka', 'amara-okafor'), '2025-03-02']]);
    expect(suggestIntroductions([amara], [kenji], { introduced })[0]!.introducedOn).toBe('2025-03-02');
    expect(suggestIntroductions([amara], [kenji], { introduced, skipIntroduced: true })).toEqual([]);
  });

  it('finds both ways round for one person: who can help them, and whom they can help', () => {
    const kenjiOnScreen = person('kenji-tanaka', { offers: ['data engineering'], needs: ['investor introductions'] });
    const found = introductionsForPerson(kenjiOnScreen, [amara, zhang, kenjiOnScreen]);
    expect(found.map((s) => [s.seeker.key, s.helper.key])).toEqual(
      expect.arrayContaining([
        ['kenji-tanaka', 'zhang-wei'],
        ['amara-okafor', 'kenji-tanaka'],
      ]),
    );
    expect(found.every((s) => s.seeker.key !== s.helper.key)).toBe(true);
  });

  it('handles 30,000 people without a pair-by-pair scan', () => {
    const topics = Array.from({ length: 300 }, (_, i) => `topic${i} skill${i % 37}`);
    const network = Array.from({ length: 30_000 }, (_, i) =>
      person(`p${i}`, {
        offers: i % 3 === 0 ? [topics[i % 300]!] : [],
        needs: i % 4 === 0 ? [topics[(i * 7) % 300]!] : [],
      }),
    );
    const found = suggestIntroductions(
      network.filter((p) => p.needs.length > 0),
      network.filter((p) => p.offers.length > 0),
      { limit: 20 },
    );
    expect(found).toHaveLength(20);
    expect(found[0]!.score).toBe(1);
  });
});
