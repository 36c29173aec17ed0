// Waiting on a page from the benchmark: Playwright's expect.poll, keeping what was found.
import { expect } from '@playwright/test';

/**
 * Calls `find` every `interval` ms until it returns something (not null or undefined) and returns
 * that; fails after `timeout` ms with `message`, or at once when `find` throws.
 */
export async function pollFor<T>(find: () => Promise<T | null | undefined>, message: string, { timeout, interval }: { timeout: number; interval: number }): Promise<T> {
  let found = null as T | null | undefined;
  await expect.poll(async () => (found = await find()) != null, { message, timeout, intervals: [interval] }).toBe(true);
  return found!;
}
