import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('settings', () => {
  it('version 2 adds the Rekindle months to settings stored by version 1, keeping every stored choice', async () => {
    await fakeBrowser.storage.local.set({
      settings: { defaultCadenceDays: 30, reminderTime: '08:30', notificationsEnabled: false, language: 'es' },
      settings$: { v: 1 },
    });
    // A fresh copy of the module defines the item again, which runs its migrations on what is stored now.
    vi.resetModules();
    const { settingsItem } = await import('@/utils/settings');
    expect(await settingsItem.getValue()).toEqual({
      defaultCadenceDays: 30,
      reminderTime: '08:30',
      notificationsEnabled: false,
      language: 'es',
      rekindleAfterMonths: DEFAULT_SETTINGS.rekindleAfterMonths,
    });
  });
});
