/**
 * How hard a sync passphrase is to guess, said in time on one graphics card; the minimum a new
 * folder needs; and generated passphrases. The estimate of guesses comes from zxcvbn
 * (passphrase-estimate.ts); everything here is plain arithmetic and words.
 */
import { t, uiLanguage } from '../core/i18n';
import { PBKDF2_ITERATIONS } from './kdf';

/**
 * PBKDF2-HMAC-SHA256 iterations one current GPU computes per second: hashcat v6.2.6 on an NVIDIA
 * RTX 4090, mode 10900, measured 8,865.7 kH/s at 999 iterations each (Chick3nman's benchmark,
 * https://gist.github.com/Chick3nman/32e662a5bb63bc4f51b847bb422222fd).
 */
export const GPU_PBKDF2_SHA256_ITERATIONS_PER_SECOND = 8_865_700 * 999;

/**
 * Passphrases one such GPU tries per second against a folder's key.json (about 14,800) when the
 * folder uses PBKDF2. A new folder uses Argon2id (`kdf.ts`), which needs 64 MiB per guess and
 * slows a GPU far more, so for it every time said here is a lower bound.
 */
export const GUESSES_PER_SECOND_ON_ONE_GPU = GPU_PBKDF2_SHA256_ITERATIONS_PER_SECOND / PBKDF2_ITERATIONS;

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/**
 * The least a new sync folder accepts: two years of one GPU (about 10^12 guesses at 600,000
 * iterations). The server, or whoever breaks into it, holds key.json and can guess offline; two
 * GPU-years cost thousands of dollars of rented time, more than a look at someone's notes is
 * worth to most. zxcvbn's own top score starts at 10^10, which one GPU covers in about a week.
 */
export const MINIMUM_YEARS_ON_ONE_GPU = 2;
/** Strong: ten years even for a thousand GPUs. */
export const STRONG_YEARS_ON_ONE_GPU = 10_000;

const guessesFor = (years: number) => years * SECONDS_PER_YEAR * GUESSES_PER_SECOND_ON_ONE_GPU;
export const MINIMUM_GUESSES = guessesFor(MINIMUM_YEARS_ON_ONE_GPU);
export const STRONG_GUESSES = guessesFor(STRONG_YEARS_ON_ONE_GPU);

export type StrengthLevel = 'weak' | 'fair' | 'strong';

export interface PassphraseStrength {
  level: StrengthLevel;
  /** zxcvbn's estimate of the guesses an attacker needs, as a power of ten. */
  guessesLog10: number;
  /** How long one GPU takes to make that many guesses. */
  secondsOnOneGpu: number;
  /** Good enough to start a new sync folder. */
  meetsMinimum: boolean;
}

export function passphraseStrength(guesses: number): PassphraseStrength {
  const meetsMinimum = guesses >= MINIMUM_GUESSES;
  return {
    level: !meetsMinimum ? 'weak' : guesses >= STRONG_GUESSES ? 'strong' : 'fair',
    guessesLog10: Math.log10(Math.max(guesses, 1)),
    secondsOnOneGpu: guesses / GUESSES_PER_SECOND_ON_ONE_GPU,
    meetsMinimum,
  };
}

/** The meter's scale, in powers of ten of guesses: its marks sit at the minimum and at strong. */
export const STRENGTH_SCALE = {
  min: 0,
  low: Math.log10(MINIMUM_GUESSES),
  high: Math.log10(STRONG_GUESSES),
  max: 20,
} as const;

export type GuessTime =
  | { unit: 'under-a-minute' }
  | { unit: 'minutes' | 'hours' | 'days' | 'months' | 'years'; count: number }
  | { unit: 'over-a-million-years' };

const UNITS = [
  { unit: 'minutes', seconds: 60 },
  { unit: 'hours', seconds: 3600 },
  { unit: 'days', seconds: 86_400 },
  { unit: 'months', seconds: SECONDS_PER_YEAR / 12 },
  { unit: 'years', seconds: SECONDS_PER_YEAR },
] as const;

/** One significant digit (a figure this rough deserves no more), at least 1. */
function roughly(value: number): number {
  if (value < 1.5) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return Math.round(value / power) * power;
}

/** A time in the largest unit it fills, rounded to one significant digit. */
export function guessTime(seconds: number): GuessTime {
  if (seconds < 60) return { unit: 'under-a-minute' };
  if (seconds >= 1e6 * SECONDS_PER_YEAR) return { unit: 'over-a-million-years' };
  const fits = UNITS.filter((unit) => seconds >= unit.seconds).at(-1)!;
  const count = roughly(seconds / fits.seconds);
  // 11.7 months rounds to "10 months", 59.6 minutes to "60 minutes": say the next unit instead.
  const next = UNITS[UNITS.indexOf(fits) + 1];
  if (next && count * fits.seconds >= next.seconds) return { unit: next.unit, count: 1 };
  return { unit: fits.unit, count };
}

/** "about 300 years", "less than a minute", in the interface's language. */
export function guessTimeText(time: GuessTime): string {
  if (time.unit === 'under-a-minute') return t('sync.strength.underAMinute');
  if (time.unit === 'over-a-million-years') return t('sync.strength.overAMillionYears');
  const count = new Intl.NumberFormat(uiLanguage()).format(time.count);
  return t(`sync.strength.about.${time.unit}`, time.count, [count]);
}

const LEVEL_TEXT: Record<StrengthLevel, () => string> = {
  weak: () => t('sync.strength.weak'),
  fair: () => t('sync.strength.fair'),
  strong: () => t('sync.strength.strong'),
};

export const strengthLevelText = (level: StrengthLevel): string => LEVEL_TEXT[level]();

/** "Strong: a computer with one graphics card would need about 300 years to guess it." */
export function strengthSentence(strength: PassphraseStrength): string {
  return t('sync.strength.sentence', [strengthLevelText(strength.level), guessTimeText(guessTime(strength.secondsOnOneGpu))]);
}

/** Said under the meter while the passphrase is below the minimum. */
export function belowMinimumText(): string {
  return t('sync.strength.belowMinimum', MINIMUM_YEARS_ON_ONE_GPU, [String(MINIMUM_YEARS_ON_ONE_GPU)]);
}

/**
 * What else the user typed in the form, which a passphrase should not be made of: the server's
 * host and its parts, the user name, and the WebDAV password (which the server knows).
 */
export function passphraseUserInputs({ url, username, password }: { url: string; username: string; password: string }): string[] {
  let host = '';
  try {
    host = new URL(url.trim()).hostname;
  } catch {
    // Not an address yet: nothing to take from it.
  }
  const hostParts = host.split('.').filter((part) => part.length > 2);
  return [...new Set([host, ...hostParts, username.trim(), password].filter(Boolean))];
}
