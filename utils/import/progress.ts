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
