import { afterEach, describe, expect, it, vi } from 'vitest';
import { passphraseEstimator } from '@/utils/sync/passphrase-estimate';
import { answerEstimates, estimateGuesses, type EstimateChannel } from '@/utils/sync/passphrase-estimator';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A worker that runs the real estimator, in this thread, answering later as a worker does. */
class FakeWorker {
  static started = 0;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly inside: EstimateChannel = { onmessage: null, postMessage: (answer) => setTimeout(() => this.onmessage?.({ data: answer } as MessageEvent)) };
  constructor() {
    FakeWorker.started++;
    answerEstimates(this.inside);
  }
  postMessage(data: unknown) {
    setTimeout(() => this.inside.onmessage?.({ data } as MessageEvent));
  }
  terminate() {}
}

/** A worker whose script fails to load. */
class BrokenWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  postMessage() {
    setTimeout(() => this.onerror?.(new Event('error')));
  }
  terminate() {}
}

describe('the passphrase estimator', () => {
  it('answers through one worker, started on the first estimate, each request with its own answer', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.started = 0;
    const estimator = passphraseEstimator();
    expect(FakeWorker.started).toBe(0);
    const [weak, strong] = await Promise.all([estimator.estimate('password123', []), estimator.estimate('correct horse battery staple', [])]);
    expect(weak).toBe(estimateGuesses('password123', []));
    expect(strong).toBe(estimateGuesses('correct horse battery staple', []));
    expect(FakeWorker.started).toBe(1);
    estimator.close();
  });

  it('says so when no worker starts, or when the worker fails to load, and starts again on the next estimate', async () => {
    const estimator = passphraseEstimator();
    expect(typeof Worker).toBe('undefined');
    await expect(estimator.estimate('ana', [])).rejects.toThrow(/no workers/);

    vi.stubGlobal('Worker', BrokenWorker);
    await expect(estimator.estimate('sunshine', [])).rejects.toThrow(/failed/);
    vi.stubGlobal('Worker', FakeWorker);
    expect(await estimator.estimate('sunshine', [])).toBe(estimateGuesses('sunshine', []));
  });

  it('answers nothing more once closed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const estimator = passphraseEstimator();
    const pending = estimator.estimate('sunshine', []);
    estimator.close();
    await expect(pending).rejects.toThrow(/closed/);
  });

  it('counts what else the user typed: the user name as a passphrase is found at once', () => {
    expect(estimateGuesses('ana.garcia', ['ana.garcia'])).toBeLessThan(estimateGuesses('ana.garcia', []));
  });
});
