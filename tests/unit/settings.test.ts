import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('settings', () => {
  it('version 2 adds the Rekindle months to settings stored by version 1, keeping every stored choice', async () => {
    await fakeBrowser.storage.local.set({
      settings: { defaultCadenceDays: 30, reminderTime: '08:30', notificationsEnabled: false, language: 'es' },
      settings$: { v: 1 },
    });
    // A fresh import runs the item's migrations against what is stored now.
    const { settingsItem } = await import(`@/utils/settings?fresh=${Date.now()}`);
    expect(await settingsItem.getValue()).toEqual({
      defaultCadenceDays: 30,
      reminderTime: '08:30',
      notificationsEnabled: false,
      language: 'es',
      rekindleAfterMonths: DEFAULT_SETTINGS.rekindleAfterMonths,
    });
  });
});
