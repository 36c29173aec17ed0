/**
 * Estimates of how many guesses a passphrase needs, off the page's main thread: zxcvbn and its
 * dictionaries (2.5 MB, most of a second to load and rank) live in a module worker, started on
 * first use, so neither the options page's first draw nor typing waits for them. There is no
 * in-page copy: it would ship the same 2.5 MB twice, for browsers without module workers, which
 * this extension does not support (Chrome 80 and Firefox 114 have them).
 */
import type { EstimateAnswer, EstimateRequest } from './passphrase-estimator';

export interface PassphraseEstimator {
  /** zxcvbn's guesses for this passphrase, given what else the user typed (`passphraseUserInputs`). */
  estimate(passphrase: string, userInputs: string[]): Promise<number>;
  /** Stops the worker; a later estimate starts a new one. */
  close(): void;
}

interface Waiting {
  resolve(guesses: number): void;
  reject(error: unknown): void;
}

export function passphraseEstimator(): PassphraseEstimator {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  const stop = (reason: string) => {
    worker?.terminate();
    worker = null;
    for (const pending of waiting.values()) pending.reject(new Error(reason));
    waiting.clear();
  };

  const running = (): Worker => {
    if (worker) return worker;
    if (typeof Worker === 'undefined') throw new Error('This browser runs no workers');
    const started = new Worker(new URL('./passphrase.worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = ({ data }: MessageEvent<EstimateAnswer>) => {
      waiting.get(data.id)?.resolve(data.guesses);
      waiting.delete(data.id);
    };
    // A worker that fails to load or breaks answers nothing more; the next estimate starts another.
    started.onerror = (event) => {
      event.preventDefault();
      stop('The passphrase estimator failed');
    };
    worker = started;
    return started;
  };

  return {
    estimate(passphrase, userInputs) {
      return new Promise<number>((resolve, reject) => {
        const request: EstimateRequest = { id: ++nextId, passphrase, userInputs };
        const target = running();
        waiting.set(request.id, { resolve, reject });
        target.postMessage(request);
      });
    },
    close() {
      stop('The passphrase estimator was closed');
    },
  };
}
