import type { Contact } from '../core/schema';
import type { LocalDate } from '../core/dates';
import { phraseSimilarity, phraseStems } from '../core/stemming';
import { type IntroductionReason, type IntroductionSuggestion, type PersonRef, WEIGHTS, pairKey } from './suggestion';

/** Below this, two phrases only share a word ("data engineering" / "data science"): no match. */
export const MATCH_THRESHOLD = 0.6;

export type MatchProfile = Pick<
  Contact,
  'key' | 'name' | 'profileUrl' | 'offers' | 'interests' | 'needs' | 'lastInteraction'
>;

export interface SuggestOptions {
  /** Suggestions kept per person looking for something, so one person never fills the list. */
  perSeeker?: number;
  limit?: number;
  /** Introductions already made, by `pairKey`, with their date. */
  introduced?: ReadonlyMap<string, LocalDate>;
  /** Leave out pairs already introduced (the network view); the sidebar shows them as done. */
  skipIntroduced?: boolean;
}

/** Each matched phrase looks at no more of its holders than this, offers first, most recently in touch first. */
export const MAX_HOLDERS_PER_PHRASE = 100;

type Via = IntroductionReason['via'];

interface OfferPhrase {
  stems: string[];
  holders: Array<{ helper: number; via: Via }>;
  /** The first holders, best first, as flat arrays for the hot loop. */
  helperIndex: Int32Array;
  weight: Float64Array;
}

interface PhraseMatch {
  offer: OfferPhrase;
  similarity: number;
}

/** `warmth`: the older of the two people's last contact, so pairs you know both well come first. */
interface Ranked {
  score: number;
  warmth: LocalDate;
  seeker: MatchProfile;
  helper: MatchProfile;
  reasons: Array<IntroductionReason & { weight: number }>;
}

/**
 * The best introductions: for each person looking for something, the people whose offers (and,
 * weaker, interests) match it, each with the reasons. Phrases are grouped and matched once, and
 * each seeker's candidates are scored in flat arrays, so 30,000 people take well under a second.
 */
export function suggestIntroductions(
  seekers: readonly MatchProfile[],
  helpers: readonly MatchProfile[],
  options: SuggestOptions = {},
): IntroductionSuggestion[] {
  const { perSeeker = 3, limit = 20, introduced = new Map<string, LocalDate>(), skipIntroduced = false } = options;
  const stemsOf = memoised(phraseStems);
  const helperWarmth = helpers.map((helper) => helper.lastInteraction ?? '');

  const offerPhrases = new Map<string, OfferPhrase>();
  const byStem = new Map<string, OfferPhrase[]>();
  helpers.forEach((helper, index) => {
    for (const via of ['offers', 'interests'] as const) {
      for (const text of helper[via] ?? []) {
        const stems = stemsOf(text);
        if (stems.length === 0) continue;
        const id = stems.join(' ');
        let phrase = offerPhrases.get(id);
        if (!phrase) {
          phrase = { stems, holders: [], helperIndex: new Int32Array(0), weight: new Float64Array(0) };
          offerPhrases.set(id, phrase);
          for (const s of stems) {
            const list = byStem.get(s);
            if (list) list.push(phrase);
            else byStem.set(s, [phrase]);
          }
        }
        phrase.holders.push({ helper: index, via });
      }
    }
  });
  for (const phrase of offerPhrases.values()) {
    phrase.holders.sort(
      (a, b) => WEIGHTS[b.via] - WEIGHTS[a.via] || compareText(helperWarmth[b.helper]!, helperWarmth[a.helper]!),
    );
    const kept = phrase.holders.slice(0, MAX_HOLDERS_PER_PHRASE);
    phrase.helperIndex = Int32Array.from(kept, (holder) => holder.helper);
    phrase.weight = Float64Array.from(kept, (holder) => WEIGHTS[holder.via]);
  }

  const matchCache = new Map<string, PhraseMatch[]>();
  const matchesOf = (stems: string[]): PhraseMatch[] => {
    const id = stems.join(' ');
    const cached = matchCache.get(id);
    if (cached) return cached;
    const seen = new Set<OfferPhrase>();
    const found: PhraseMatch[] = [];
    for (const s of stems) {
      for (const offer of byStem.get(s) ?? []) {
        if (seen.has(offer)) continue;
        seen.add(offer);
        const similarity = phraseSimilarity(stems, offer.stems);
        if (similarity >= MATCH_THRESHOLD) found.push({ offer, similarity });
      }
    }
    matchCache.set(id, found);
    return found;
  };

  const score = new Float64Array(helpers.length);
  const needBest = new Float64Array(helpers.length);
  const touched: number[] = [];
  const touchedByNeed: number[] = [];
  const all: Ranked[] = [];

  for (const seeker of seekers) {
    const needs = distinctPhrases(seeker.needs ?? [], stemsOf);
    for (const need of needs) {
      // Per need, only each helper's strongest phrase counts.
      for (const { offer, similarity } of matchesOf(need.stems)) {
        const { helperIndex, weight: viaWeight } = offer;
        for (let i = 0; i < helperIndex.length; i++) {
          const helper = helperIndex[i]!;
          const weight = similarity * viaWeight[i]!;
          if (needBest[helper] === 0) touchedByNeed.push(helper);
          if (weight > needBest[helper]!) needBest[helper] = weight;
        }
      }
      for (const helper of touchedByNeed) {
        if (score[helper] === 0) touched.push(helper);
        score[helper] = score[helper]! + needBest[helper]!;
        needBest[helper] = 0;
      }
      touchedByNeed.length = 0;
    }

    const seekerWarmth = seeker.lastInteraction ?? '';
    const best: Ranked[] = [];
    for (const index of touched) {
      const candidateScore = round(score[index]!);
      const warmth = seekerWarmth < helperWarmth[index]! ? seekerWarmth : helperWarmth[index]!;
      const helper = helpers[index]!;
      const last = best.length === perSeeker ? best[best.length - 1] : undefined;
      // Most candidates lose to the current last place: reject them without allocating.
      if (last && (candidateScore < last.score || (candidateScore === last.score && warmth < last.warmth))) continue;
      if (last && candidateScore === last.score && warmth === last.warmth && !(nameOf(helper) < nameOf(last.helper))) continue;
      if (helper.key === seeker.key) continue;
      if (skipIntroduced && introduced.size > 0 && introduced.has(pairKey(seeker.key, helper.key))) continue;
      const candidate: Ranked = { score: candidateScore, warmth, seeker, helper, reasons: [] };
      best.splice(sortedIndex(best, candidate), 0, candidate);
      if (best.length > perSeeker) best.pop();
    }
    for (const index of touched) score[index] = 0;
    touched.length = 0;

    for (const ranked of best) {
      ranked.reasons = reasonsFor(needs, ranked.helper, stemsOf);
      ranked.score = round(ranked.reasons.reduce((sum, reason) => sum + reason.weight, 0));
      all.push(ranked);
    }
  }

  return all
    .sort(compareRanked)
    .slice(0, limit)
    .map((ranked) => ({
      seeker: personRef(ranked.seeker),
      helper: personRef(ranked.helper),
      score: ranked.score,
      reasons: ranked.reasons.map(({ via, what, need }) => ({ via, what, need })),
      introducedOn: introduced.get(pairKey(ranked.seeker.key, ranked.helper.key)) ?? null,
    }));
}

function memoised(fn: (text: string) => string[]) {
  const cache = new Map<string, string[]>();
  return (text: string) => {
    let value = cache.get(text);
    if (!value) cache.set(text, (value = fn(text)));
    return value;
  };
}

/** A person's phrases, each once even when written twice in different ways. */
function distinctPhrases(phrases: readonly string[], stemsOf: (text: string) => string[]) {
  const seen = new Set<string>();
  const out: Array<{ text: string; stems: string[] }> = [];
  for (const text of phrases) {
    const stems = stemsOf(text);
    const id = stems.join(' ');
    if (stems.length === 0 || seen.has(id)) continue;
    seen.add(id);
    out.push({ text, stems });
  }
  return out;
}

/** Why a helper suits a seeker: for each need, the helper's closest phrase, strongest first. */
function reasonsFor(
  needs: ReadonlyArray<{ text: string; stems: string[] }>,
  helper: MatchProfile,
  stemsOf: (text: string) => string[],
): Array<IntroductionReason & { weight: number }> {
  const reasons: Array<IntroductionReason & { weight: number }> = [];
  for (const need of needs) {
    let reason: (IntroductionReason & { weight: number }) | undefined;
    for (const via of ['offers', 'interests'] as const) {
      for (const what of helper[via] ?? []) {
        const similarity = phraseSimilarity(need.stems, stemsOf(what));
        const weight = similarity * WEIGHTS[via];
        if (similarity >= MATCH_THRESHOLD && (!reason || weight > reason.weight)) {
          reason = { via, what, need: need.text, weight };
        }
      }
    }
    if (reason) reasons.push(reason);
  }
  return reasons.sort((a, b) => b.weight - a.weight);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function sortedIndex(list: readonly Ranked[], item: Ranked): number {
  let index = list.length;
  while (index > 0 && compareRanked(item, list[index - 1]!) < 0) index--;
  return index;
}

const nameOf = (contact: MatchProfile) => contact.name || contact.key;

/** Two people as a suggestion with no match between them (their notes no longer say why). */
export function plainSuggestion(seeker: MatchProfile, helper: MatchProfile): IntroductionSuggestion {
  return { seeker: personRef(seeker), helper: personRef(helper), score: 0, reasons: [], introducedOn: null };
}

export function personRef(contact: MatchProfile): PersonRef {
  return { key: contact.key, name: nameOf(contact), profileUrl: contact.profileUrl };
}

/** Stronger match first; on a tie, people you have both been in touch with more recently; then by name. */
function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  return (
    compareText(b.warmth, a.warmth) ||
    compareText(nameOf(a.seeker), nameOf(b.seeker)) ||
    compareText(nameOf(a.helper), nameOf(b.helper))
  );
}

/** Plain code-unit order: ties only need a stable answer, and `localeCompare` is slow at this scale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Introductions for one person, both ways round: people who offer what they are looking for, and
 * people looking for what they offer. Ones not made yet come first.
 */
export function introductionsForPerson(
  person: MatchProfile,
  others: readonly MatchProfile[],
  options: Pick<SuggestOptions, 'introduced' | 'limit'> = {},
): IntroductionSuggestion[] {
  const limit = options.limit ?? 5;
  const introduced = options.introduced;
  const rest = others.filter((other) => other.key !== person.key);
  const theyHelp = suggestIntroductions([person], rest, { perSeeker: limit, limit, introduced });
  const theyAreHelped = suggestIntroductions(rest, [person], { perSeeker: 1, limit, introduced });
  return [...theyHelp, ...theyAreHelped]
    .sort((a, b) => Number(a.introducedOn != null) - Number(b.introducedOn != null) || b.score - a.score)
    .slice(0, limit);
}
