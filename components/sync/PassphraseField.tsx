import { useId, useState } from 'react';
import { t, uiLanguage } from '@/utils/core/i18n';
import type { PassphraseEstimator } from '@/utils/sync/passphrase-estimate';
import { belowMinimumText, STRENGTH_SCALE, strengthLevelText, strengthSentence } from '@/utils/sync/passphrase';
import { generatePassphrase, wordList } from '@/utils/sync/passphrase-generator';
import { Field } from '../ui/Field';
import { usePassphraseStrength } from './use-passphrase-strength';
import './passphrase.css';

/** The passphrase being chosen: typed, or generated and then (once the user says so) stored by them. */
export interface PassphraseChoice {
  passphrase: string;
  generated: boolean;
  stored: boolean;
}

export const NO_PASSPHRASE: PassphraseChoice = { passphrase: '', generated: false, stored: false };

/** A generated passphrase must be stored by the user before sync starts with it: nobody can recover it. */
export const awaitsStoring = (choice: PassphraseChoice) => choice.generated && !choice.stored;

/**
 * The sync passphrase: its field, how hard it is to guess (a meter and a sentence), the minimum a
 * new folder needs, and "Generate a passphrase", which shows the words once with a reminder to store
 * them. Nothing here is kept anywhere but in the page's memory.
 */
export function PassphraseField({
  choice,
  onChoice,
  userInputs,
  estimator,
}: {
  choice: PassphraseChoice;
  onChoice(choice: PassphraseChoice): void;
  userInputs: string[];
  estimator: PassphraseEstimator;
}) {
  const id = useId();
  const strength = usePassphraseStrength(estimator, choice.passphrase, userInputs);
  const [generating, setGenerating] = useState(false);

  const generate = async () => {
    setGenerating(true);
    try {
      onChoice({ passphrase: generatePassphrase(await wordList(uiLanguage())), generated: true, stored: false });
    } finally {
      setGenerating(false);
    }
  };

  return (
    <div className="passphrase">
      <Field label={t('sync.passphrase')} className="field stacked" hint={t('sync.passphraseHint')}>
        <input
          type="password"
          required
          autoComplete="new-password"
          spellCheck={false}
          value={choice.passphrase}
          // Loads the estimator while the user is still typing the first characters.
          onFocus={() => void estimator.estimate('', []).catch(() => undefined)}
          onChange={(event) => onChoice({ passphrase: event.target.value, generated: false, stored: false })}
        />
      </Field>
      {strength && (
        <div className={`strength ${strength.level}`}>
          <label htmlFor={`${id}-meter`}>{t('sync.strength.label')}</label>
          <meter
            id={`${id}-meter`}
            min={STRENGTH_SCALE.min}
            max={STRENGTH_SCALE.max}
            low={STRENGTH_SCALE.low}
            high={STRENGTH_SCALE.high}
            optimum={STRENGTH_SCALE.max}
            value={Math.min(strength.guessesLog10, STRENGTH_SCALE.max)}
            aria-valuetext={strengthLevelText(strength.level)}
            aria-describedby={`${id}-sentence${strength.meetsMinimum ? '' : ` ${id}-minimum`}`}
          />
          <p id={`${id}-sentence`} className="strength-sentence">
            {strengthSentence(strength)}
          </p>
          {!strength.meetsMinimum && (
            <p id={`${id}-minimum`} className="strength-minimum">
              {belowMinimumText()}
            </p>
          )}
        </div>
      )}
      <button type="button" className="secondary" disabled={generating} onClick={() => void generate()}>
        {t('sync.generate')}
      </button>
      {choice.generated && (
        <div role="group" aria-labelledby={`${id}-generated`} className="generated-passphrase">
          <p id={`${id}-generated`} className="generated-title">
            {t('sync.generated.title')}
          </p>
          <p id={`${id}-words`} className="generated-words" lang={uiLanguage()}>
            {choice.passphrase}
          </p>
          <p id={`${id}-reminder`} className="hint">
            {t('sync.generated.reminder')}
          </p>
          <label className="inline checkbox">
            <input
              type="checkbox"
              checked={choice.stored}
              aria-describedby={`${id}-words ${id}-reminder`}
              onChange={(event) => onChoice({ ...choice, stored: event.target.checked })}
            />
            {t('sync.generated.stored')}
          </label>
        </div>
      )}
    </div>
  );
}
