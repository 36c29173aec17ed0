import { useEffect, useState } from 'react';
import type { PassphraseEstimator } from '@/utils/sync/passphrase-estimate';
import { passphraseStrength, type PassphraseStrength } from '@/utils/sync/passphrase';

/** Typing settles this long before a passphrase is estimated: one estimate per pause, not per key. */
const SETTLE_MS = 120;

/**
 * The strength of what is typed, estimated off the page's thread; null while the field is empty
 * or before the first answer. Between keys it keeps the last answer, so the meter does not flicker.
 */
export function usePassphraseStrength(estimator: PassphraseEstimator, passphrase: string, userInputs: string[]): PassphraseStrength | null {
  const [strength, setStrength] = useState<PassphraseStrength | null>(null);
  const inputs = userInputs.join('\n');
  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    const timer = setTimeout(() => {
      estimator.estimate(passphrase, inputs ? inputs.split('\n') : []).then(
        (guesses) => current && setStrength(passphraseStrength(guesses)),
        // Closed while waiting (the form went away): nothing to show.
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [estimator, passphrase, inputs]);
  return passphrase ? strength : null;
}
