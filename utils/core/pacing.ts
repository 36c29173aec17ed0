/**
 * How far an import has got, for the options page's progress bar: every kind of file reports
 * through the same steps, and pauses between slices of work so the page draws it and answers.
 */
export type ImportStep =
  | 'reading'
  | 'connections'
  | 'invitations'
  | 'messages'
  | 'checking'
  | 'matching'
  | 'comparing'
  | 'saving';

/** Where an import is: `done` of `total` in this step drives a bar; `count` is rows read or entries saved. */
export interface ImportProgress {
  step: ImportStep;
  done: number;
  total: number;
  count: number;
}

export type ProgressListener = (progress: ImportProgress) => void;

/** Lets the page draw and handle input before the next slice of work. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long a slice of an import's work runs before the page gets to draw and answer. */
export const SLICE_MS = 30;

/**
 * Paces a long loop by time, not by count: `due()` is checked every step (cheaply: the clock is
 * read every 64th), and once a slice has run `SLICE_MS`, `pause()` lets the page draw.
 */
export class Pacer {
  private started = performance.now();
  private steps = 0;

  /**
   * `pause` lets the page draw: a timer by default. Inside a database transaction it must be a
   * request of that transaction instead (its answer comes as a task too), or the transaction,
   * left without requests, commits early.
   */
  constructor(private readonly wait: () => Promise<unknown> = yieldToPage) {}

  due(): boolean {
    return (++this.steps & 63) === 0 && performance.now() - this.started > SLICE_MS;
  }

  /**
   * No `async` here: inside a transaction Dexie follows its own promise through `then`, and every
   * extra layer of native `await` between the loop and the request risks losing the transaction.
   */
  pause(): Promise<void> {
    return this.wait().then(() => {
      this.started = performance.now();
    });
  }
}
