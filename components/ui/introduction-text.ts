import type { GiveTake } from '@/utils/network/give-and-take';
import type { INTRO_STEP_KINDS, IntroOutcome } from '@/utils/core/interaction-kinds';
import { t } from '@/utils/core/i18n';
import type { IntroductionReason, IntroductionSuggestion, PersonRef } from '@/utils/network/suggestion';
import type { IntroducedPerson } from '@/utils/sidebar/protocol';
import type { IntroAction } from '@/utils/network/intro-steps';

/** "Kenji" from "Kenji Tanaka": reasons read as a person would say them. */
export function firstName(person: PersonRef): string {
  return person.name.trim().split(/\s+/)[0] || person.name;
}

/** "Kenji offers data engineering; Amara is looking for data engineering". */
export function reasonText(suggestion: IntroductionSuggestion, reason: IntroductionReason): string {
  const args: [string, string, string, string] = [
    firstName(suggestion.helper),
    reason.what,
    firstName(suggestion.seeker),
    reason.need,
  ];
  return reason.via === 'offers' ? t('intro.reasonOffers', args) : t('intro.reasonInterests', args);
}

/** What each person's timeline says once they were introduced. */
export function introducedPeople(suggestion: IntroductionSuggestion): [IntroducedPerson, IntroducedPerson] {
  const topic = suggestion.reasons[0]?.need ?? '';
  const entry = (person: PersonRef, other: PersonRef) => ({
    key: person.key,
    text: topic ? t('intro.timelineText', [other.name, topic]) : t('intro.timelineTextPlain', [other.name]),
  });
  return [entry(suggestion.seeker, suggestion.helper), entry(suggestion.helper, suggestion.seeker)];
}

/** An introduction made elsewhere, logged straight away on both timelines ("Log introduction"). */
export function logNow(suggestion: IntroductionSuggestion): IntroAction {
  return { type: 'pair', kind: 'introduction', people: introducedPeople(suggestion) };
}

export function logLabel(suggestion: IntroductionSuggestion): string {
  return t('intro.logFor', [suggestion.seeker.name, suggestion.helper.name]);
}

const VERDICTS = {
  none: 'giveTake.none',
  giving: 'giveTake.giving',
  even: 'giveTake.even',
  asking: 'giveTake.asking',
} as const;

/** "Given 2 (1 introduction) · received 1. You have been giving more than asking." */
export function giveTakeText(figures: GiveTake): string {
  if (figures.balance === 'none') return t(VERDICTS.none);
  return `${t('giveTake.figures', [String(figures.given), String(figures.introductions), String(figures.received)])} ${t(VERDICTS[figures.balance])}`;
}

/**
 * The message asking one of the two whether they would like the introduction, from their first
 * names and the need and offer that matched, nothing else of the notes. Without a match, a plain one.
 */
export function askMessage(suggestion: IntroductionSuggestion, key: string): string {
  const { seeker, helper } = suggestion;
  const reason = suggestion.reasons[0];
  const asked = key === seeker.key ? seeker : helper;
  const other = key === seeker.key ? helper : seeker;
  if (!reason) return t('intro.askPlain', [firstName(asked), firstName(other)]);
  return asked === seeker
    ? t('intro.askSeeker', [firstName(seeker), reason.need, firstName(helper)])
    : t('intro.askHelper', [firstName(helper), firstName(seeker), reason.need, reason.what]);
}

type IntroStepKind = (typeof INTRO_STEP_KINDS)[number];

/** The introduction to send to both, once both said yes. */
export function introductionMessage(suggestion: IntroductionSuggestion): string {
  const reason = suggestion.reasons[0];
  const [seeker, helper] = [firstName(suggestion.seeker), firstName(suggestion.helper)];
  return reason
    ? t('intro.introductionMessage', [seeker, helper, reason.need, reason.what])
    : t('intro.introductionMessagePlain', [seeker, helper]);
}

const STEP_TEXTS = { 'intro-asked': 'intro.askedText', 'intro-yes': 'intro.yesText', 'intro-no': 'intro.noText' } as const;
const OUTCOME_TEXTS = {
  'help-given': 'intro.outcomeHelpGivenText',
  'help-received': 'intro.outcomeHelpReceivedText',
  note: 'intro.outcomeNothingText',
} as const;

/** What the timeline of the person asked says of a step: "Asked whether they would like an introduction to Kenji Tanaka". */
export function stepText(kind: IntroStepKind, other: PersonRef): string {
  return t(STEP_TEXTS[kind], [other.name]);
}

/** What each person's timeline says of how the introduction went. */
export function outcomePeople(suggestion: IntroductionSuggestion, outcome: IntroOutcome): [IntroducedPerson, IntroducedPerson] {
  const entry = (person: PersonRef, other: PersonRef) => ({ key: person.key, text: t(OUTCOME_TEXTS[outcome], [other.name]) });
  return [entry(suggestion.seeker, suggestion.helper), entry(suggestion.helper, suggestion.seeker)];
}
