import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../core/schema';

/** The user's settings (`settingsSchema`), versioned: a migration brings older ones up to date. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    // Version 2 adds the Rekindle setting, version 3 the plan's size; everything stored stays as it was.
    2: (stored: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...stored }),
    3: (stored: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...stored }),
  },
});

let settingsWrites: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings and keeps the rest. Writes made in quick succession run one after
 * another, so a later change never reads a value an earlier one is about to replace.
 */
export function changeSettings(change: Partial<Settings>): Promise<Settings> {
  const write = settingsWrites.then(async () => {
    const next = { ...(await settingsItem.getValue()), ...change };
    await settingsItem.setValue(next);
    return next;
  });
  settingsWrites = write.catch(() => undefined);
  return write;
}
