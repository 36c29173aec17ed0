import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLanguage } from '@/utils/core/i18n';
import { PBKDF2_ITERATIONS } from '@/utils/sync/kdf';
import {
  belowMinimumText,
  GPU_PBKDF2_SHA256_ITERATIONS_PER_SECOND,
  GUESSES_PER_SECOND_ON_ONE_GPU,
  guessTime,
  MINIMUM_GUESSES,
  MINIMUM_YEARS_ON_ONE_GPU,
  passphraseStrength,
  passphraseUserInputs,
  STRENGTH_SCALE,
  strengthSentence,
  STRONG_GUESSES,
} from '@/utils/sync/passphrase';
import { estimateGuesses } from '@/utils/sync/passphrase-estimator';
import { generatePassphrase, wordList } from '@/utils/sync/passphrase-generator';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from '../../support/english-messages';

const YEAR = 365.25 * 24 * 3600;
/** The guesses one GPU makes in this many seconds. */
const guessesIn = (seconds: number) => seconds * GUESSES_PER_SECOND_ON_ONE_GPU;

describe('the guess rate', () => {
  it('is one GPU’s PBKDF2-SHA-256 speed divided by the iterations sync uses', () => {
    expect(GUESSES_PER_SECOND_ON_ONE_GPU).toBe(GPU_PBKDF2_SHA256_ITERATIONS_PER_SECOND / PBKDF2_ITERATIONS);
    // hashcat's 8,865.7 kH/s at 999 iterations on an RTX 4090, at 600,000 iterations.
    expect(Math.round(GUESSES_PER_SECOND_ON_ONE_GPU)).toBe(Math.round((8_865_700 * 999) / PBKDF2_ITERATIONS));
  });
});

describe('the minimum for a new folder', () => {
  it('is two years of one GPU, about 10^12 guesses', () => {
    expect(MINIMUM_YEARS_ON_ONE_GPU).toBe(2);
    expect(MINIMUM_GUESSES / GUESSES_PER_SECOND_ON_ONE_GPU / YEAR).toBeCloseTo(2, 10);
    expect(Math.log10(MINIMUM_GUESSES)).toBeGreaterThan(11.9);
    expect(Math.log10(MINIMUM_GUESSES)).toBeLessThan(12.1);
  });

  it('splits weak from fair exactly at the minimum, and fair from strong at 10,000 GPU-years', () => {
    expect(passphraseStrength(MINIMUM_GUESSES * 0.999)).toMatchObject({ level: 'weak', meetsMinimum: false });
    expect(passphraseStrength(MINIMUM_GUESSES)).toMatchObject({ level: 'fair', meetsMinimum: true });
    expect(passphraseStrength(STRONG_GUESSES * 0.999)).toMatchObject({ level: 'fair', meetsMinimum: true });
    expect(passphraseStrength(STRONG_GUESSES)).toMatchObject({ level: 'strong', meetsMinimum: true });
    expect(STRONG_GUESSES / GUESSES_PER_SECOND_ON_ONE_GPU / YEAR).toBeCloseTo(10_000, 6);
    expect(passphraseStrength(0)).toMatchObject({ level: 'weak', guessesLog10: 0, secondsOnOneGpu: 0 });
  });

  it('marks the meter at the minimum and at strong', () => {
    expect(STRENGTH_SCALE.low).toBeCloseTo(Math.log10(MINIMUM_GUESSES));
    expect(STRENGTH_SCALE.high).toBeCloseTo(Math.log10(STRONG_GUESSES));
    expect(STRENGTH_SCALE.max).toBeGreaterThan(STRENGTH_SCALE.high);
  });
});

describe('zxcvbn’s estimate against the minimum', () => {
  const inputs = passphraseUserInputs({ url: 'https://cloud.example.org/remote.php/dav/files/ana/', username: 'ana.garcia', password: 'app-Pass-4471-xyz' });
  const meets = (passphrase: string) => passphraseStrength(estimateGuesses(passphrase, inputs)).meetsMinimum;

  it('refuses common passwords, a word with a digit, and what else was typed in the form', () => {
    for (const weak of ['password123', 'sunshine', 'Tr0ub4dor&3', 'qwertyuiop', 'cloud.example.org', 'ana.garcia', 'app-Pass-4471-xyz']) {
      expect(meets(weak), weak).toBe(false);
    }
  });

  it('takes a long phrase of words and a generated passphrase in either language, which it calls strong', async () => {
    expect(meets('correct horse battery staple')).toBe(true);
    for (const language of ['en', 'es'] as const) {
      const generated = generatePassphrase(await wordList(language));
      expect(passphraseStrength(estimateGuesses(generated, inputs)).level, generated).toBe('strong');
    }
  });

  it('takes the server’s host, its parts, the user name and the WebDAV password as the user’s inputs', () => {
    expect(passphraseUserInputs({ url: ' https://cloud.example.org/dav/ ', username: ' ana ', password: 'secret' })).toEqual([
      'cloud.example.org',
      'cloud',
      'example',
      'org',
      'ana',
      'secret',
    ]);
    expect(passphraseUserInputs({ url: 'not a url', username: '', password: '' })).toEqual([]);
  });
});

describe('how long one GPU needs, in words', () => {
  it('picks the largest unit the time fills, at one significant digit', () => {
    expect(guessTime(30)).toEqual({ unit: 'under-a-minute' });
    expect(guessTime(89)).toEqual({ unit: 'minutes', count: 1 });
    expect(guessTime(150)).toEqual({ unit: 'minutes', count: 3 });
    expect(guessTime(3 * 3600)).toEqual({ unit: 'hours', count: 3 });
    expect(guessTime(12 * 86_400)).toEqual({ unit: 'days', count: 10 });
    expect(guessTime(340 * YEAR)).toEqual({ unit: 'years', count: 300 });
    expect(guessTime(2.4 * YEAR)).toEqual({ unit: 'years', count: 2 });
    expect(guessTime(5e6 * YEAR)).toEqual({ unit: 'over-a-million-years' });
  });

  it('says the next unit rather than a count that rounds up to it', () => {
    expect(guessTime(59.7 * 60)).toEqual({ unit: 'hours', count: 1 });
    expect(guessTime(23.6 * 3600)).toEqual({ unit: 'hours', count: 20 });
    expect(guessTime(11.8 * (YEAR / 12))).toEqual({ unit: 'months', count: 10 });
    expect(guessTime(15 * (YEAR / 12))).toEqual({ unit: 'years', count: 1 });
  });

  describe('in English', () => {
    beforeAll(async () => {
      await loadLanguage('auto');
    });
    it('says the level and the time in one sentence', async () => {
      await speakEnglish();
      vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
      expect(strengthSentence(passphraseStrength(guessesIn(340 * YEAR)))).toBe(
        'Fair: a computer with one graphics card would need about 300 years to guess it.',
      );
      expect(strengthSentence(passphraseStrength(guessesIn(1.2 * YEAR)))).toBe(
        'Weak: a computer with one graphics card would need about 1 year to guess it.',
      );
      expect(strengthSentence(passphraseStrength(guessesIn(20)))).toBe(
        'Weak: a computer with one graphics card would need less than a minute to guess it.',
      );
      expect(strengthSentence(passphraseStrength(guessesIn(4e4 * YEAR)))).toBe(
        'Strong: a computer with one graphics card would need about 40,000 years to guess it.',
      );
      expect(strengthSentence(passphraseStrength(1e30))).toBe(
        'Strong: a computer with one graphics card would need more than a million years to guess it.',
      );
      expect(belowMinimumText()).toBe(
        'Below the minimum for a new sync folder, which must take one graphics card at least 2 years to guess. It still opens a folder your other browsers already use.',
      );
    });
  });

  describe('in Spanish', () => {
    afterEach(async () => {
      vi.unstubAllGlobals();
      await loadLanguage('auto');
    });
    it('says the same in Spanish, with Spanish numbers', async () => {
      const messages = generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, '../../../locales/es.yml')));
      vi.stubGlobal('fetch', async () => new Response(JSON.stringify(messages)));
      await loadLanguage('es');
      expect(strengthSentence(passphraseStrength(guessesIn(340 * YEAR)))).toBe(
        'Aceptable: un ordenador con una tarjeta gráfica necesitaría unos 300 años para adivinarla.',
      );
      expect(strengthSentence(passphraseStrength(guessesIn(4e4 * YEAR)))).toBe(
        'Fuerte: un ordenador con una tarjeta gráfica necesitaría unos 40.000 años para adivinarla.',
      );
      expect(strengthSentence(passphraseStrength(guessesIn(3 * 3600)))).toBe(
        'Débil: un ordenador con una tarjeta gráfica necesitaría unas 3 horas para adivinarla.',
      );
      expect(belowMinimumText()).toMatch(/^Por debajo del mínimo para una carpeta de sincronización nueva, .* al menos 2 años/);
    });
  });
});
