import type { GiveTake } from '@/utils/network/give-and-take';
import { t } from '@/utils/core/i18n';
import type { IntroductionReason, IntroductionSuggestion, PersonRef } from '@/utils/network/suggestion';
import type { IntroducedPerson } from '@/utils/sidebar/protocol';

/** "Kenji" from "Kenji Tanaka": reasons read as a person would say them. */
function firstName(person: PersonRef): string {
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
