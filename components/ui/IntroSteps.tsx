import { useEffect, useRef } from 'react';
import { formatDate } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import type { IntroOutcome } from '@/utils/core/interaction-kinds';
import type { IntroductionSuggestion, PersonRef } from '@/utils/network/suggestion';
import type { IntroAction } from '@/utils/network/intro-steps';
import { askMessage, firstName, introductionMessage, logNow, outcomePeople, stepText } from './introduction-text';

/** Copies a message and says so, or shows it to copy by hand (`useCopyText`, kept by the list around). */
export type CopyMessage = (text: string, done: string, failed: string) => Promise<boolean>;

interface Props {
  suggestion: IntroductionSuggestion;
  act(action: IntroAction): Promise<void> | void;
  copy: CopyMessage;
  /** Focus the first control once drawn: the steps just moved here from another list. */
  autoFocus?: boolean;
  /** Ask how it went (the plan asks it only when two weeks have passed). */
  askOutcome?: boolean;
}

const OUTCOMES: Array<[IntroOutcome, 'intro.outcomeHelpGiven' | 'intro.outcomeHelpReceived' | 'intro.outcomeNothing']> = [
  ['help-given', 'intro.outcomeHelpGiven'],
  ['help-received', 'intro.outcomeHelpReceived'],
  ['note', 'intro.outcomeNothing'],
];

/**
 * An introduction carried through, asked of both first: "Ask Amara" and "Ask Kenji" copy a short
 * message each and note that you asked; each answer is marked yes or no; once both said yes,
 * "Introduce" copies the introduction and logs it on both timelines; then, how it went.
 */
export function IntroSteps({ suggestion, act, copy, autoFocus = false, askOutcome = true }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { seeker, helper, progress } = suggestion;
  const stage = progress?.stage;
  // After a step the buttons change: once they have (the step is back from the database), focus
  // goes to the next one, not to the page's top. `null`: nothing to focus; '': focus now.
  const drawn = progress ? JSON.stringify(progress) : 'none';
  const focusAfter = useRef<string | null>(autoFocus ? '' : null);
  useEffect(() => {
    if (focusAfter.current === null || focusAfter.current === drawn) return;
    box.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    focusAfter.current = null;
  }, [drawn]);
  const run = async (action: IntroAction) => {
    focusAfter.current = drawn;
    await act(action);
  };

  const ask = async (person: PersonRef, other: PersonRef) => {
    await copy(askMessage(suggestion, person.key), t('intro.copied', [person.name]), t('intro.copyFailed'));
    // Asked either way: a message refused by the clipboard is shown to copy by hand.
    await run({ type: 'step', kind: 'intro-asked', key: person.key, withKey: other.key, text: stepText('intro-asked', other) });
  };
  const answer = (person: PersonRef, other: PersonRef, yes: boolean) => {
    const kind = yes ? 'intro-yes' : 'intro-no';
    void run({ type: 'step', kind, key: person.key, withKey: other.key, text: stepText(kind, other) });
  };
  const introduce = async () => {
    await copy(introductionMessage(suggestion), t('intro.copiedIntroduction'), t('intro.copyFailed'));
    await run(logNow(suggestion));
  };

  if (stage === 'introduced' || stage === 'done') {
    return (
      <div className="intro-steps" ref={box}>
        <p className="muted">{t('intro.waiting', [formatDate(progress!.introducedOn!)])}</p>
        {stage === 'introduced' && askOutcome && (
          <div role="group" aria-label={t('intro.howDidItGo', [seeker.name, helper.name])}>
            <p>{t('intro.howDidItGo', [seeker.name, helper.name])}</p>
            <div className="row actions">
              {OUTCOMES.map(([outcome, label]) => (
                <button
                  key={outcome}
                  type="button"
                  className="secondary"
                  onClick={() => void run({ type: 'pair', kind: outcome, people: outcomePeople(suggestion, outcome) })}
                >
                  {t(label)}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
    );
  }

  const decliner = [seeker, helper].find((person) => progress?.answers[person.key] === 'no');
  return (
    <div className="intro-steps" ref={box}>
      {!progress && <p className="muted">{t('intro.doubleOptInHint')}</p>}
      <div className="intro-people">
        {[
          [seeker, helper],
          [helper, seeker],
        ].map(([person, other]) => {
          const asked = progress?.asked[person!.key];
          const said = progress?.answers[person!.key];
          return (
            <p key={person!.key}>
              {said ? (
                <span>
                  {firstName(person!)}: {t(said === 'yes' ? 'intro.answeredYes' : 'intro.answeredNo')}
                </span>
              ) : asked ? (
                <>
                  <span className="muted">
                    {firstName(person!)}: {t('intro.asked', [formatDate(asked)])}
                  </span>{' '}
                  {stage !== 'declined' && (
                    <span className="row actions">
                      <button type="button" className="secondary" onClick={() => answer(person!, other!, true)}>
                        {t('intro.saidYes', [firstName(person!)])}
                      </button>
                      <button type="button" className="secondary" onClick={() => answer(person!, other!, false)}>
                        {t('intro.saidNo', [firstName(person!)])}
                      </button>
                    </span>
                  )}
                </>
              ) : stage !== 'declined' ? (
                <button
                  type="button"
                  aria-label={t('intro.askLabel', [person!.name, other!.name])}
                  onClick={() => void ask(person!, other!)}
                >
                  {t('intro.ask', [firstName(person!)])}
                </button>
              ) : null}
            </p>
          );
        })}
      </div>
      {decliner && <p className="muted">{t('intro.declined', [decliner.name])}</p>}
      {stage === 'ready' && (
        <>
          <p>{t('intro.ready')}</p>
          <button type="button" aria-label={t('intro.introduceLabel', [seeker.name, helper.name])} onClick={() => void introduce()}>
            {t('intro.introduce')}
          </button>
        </>
      )}
    </div>
  );
}
