/** Whether the first-run guide shows: not dismissed and nobody saved yet; undefined while either loads. */
export function showFirstRun(done: boolean | undefined, contactCount: number | undefined): boolean | undefined {
  // Dismissed: no need to wait for the count.
  if (done === true) return false;
  if (done === undefined || contactCount === undefined) return undefined;
  return !done && contactCount === 0;
}
