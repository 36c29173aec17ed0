import { storage } from 'wxt/utils/storage';

/** Whether the first-run guide is done with: dismissed, or the first person saved or imported. */
export const firstRunDoneItem = storage.defineItem<boolean>('local:firstRunDone', {
  fallback: false,
  version: 1,
});

/** Whether the first-run guide shows: not dismissed and nobody saved yet; undefined while either loads. */
export function showFirstRun(done: boolean | undefined, contactCount: number | undefined): boolean | undefined {
  // Dismissed: no need to wait for the count.
  if (done === true) return false;
  if (done === undefined || contactCount === undefined) return undefined;
  return !done && contactCount === 0;
}
