import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeSettings, settingsItem } from '@/utils/storage/settings';
import { DEFAULT_SETTINGS } from '@/utils/core/schema';

describe('settings', () => {
  it('version 2 adds the Rekindle months to settings stored by version 1, keeping every stored choice', async () => {
    await fakeBrowser.storage.local.set({
      settings: { defaultCadenceDays: 30, reminderTime: '08:30', notificationsEnabled: false, language: 'es' },
      settings$: { v: 1 },
    });
    // A fresh copy of the module defines the item again, which runs its migrations on what is stored now.
    vi.resetModules();
    const { settingsItem } = await import('@/utils/storage/settings');
    expect(await settingsItem.getValue()).toEqual({
      defaultCadenceDays: 30,
      reminderTime: '08:30',
      notificationsEnabled: false,
      language: 'es',
      rekindleAfterMonths: DEFAULT_SETTINGS.rekindleAfterMonths,
      planSize: 5,
    });
  });

  it('version 3 adds the plan’s size to settings stored by version 2', async () => {
    await fakeBrowser.storage.local.set({
      settings: { defaultCadenceDays: null, reminderTime: '09:00', notificationsEnabled: true, language: 'auto', rekindleAfterMonths: 12 },
      settings$: { v: 2 },
    });
    vi.resetModules();
    const { settingsItem } = await import('@/utils/storage/settings');
    expect(await settingsItem.getValue()).toMatchObject({ rekindleAfterMonths: 12, planSize: 5 });
  });

  it('changes only what it is given, and changes made at once all land', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'es' });
    await Promise.all([
      changeSettings({ defaultCadenceDays: 14 }),
      changeSettings({ reminderTime: '07:15' }),
      changeSettings({ notificationsEnabled: false }),
    ]);
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'es',
      defaultCadenceDays: 14,
      reminderTime: '07:15',
      notificationsEnabled: false,
    });
  });
});
