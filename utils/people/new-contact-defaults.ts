import { localToday } from '../core/dates';
import { eventContactDefaults, eventModeItem } from '../followups/event-mode';
import { settingsItem } from '../storage/settings';
import type { NewContactDefaults } from './contacts';

/**
 * What a person gets when first saved: the default "keep in touch every", and the event's place
 * and follow-up in event mode. Read at each use: the worker keeps no state, and either may change.
 */
export async function newContactDefaults(): Promise<NewContactDefaults> {
  return {
    cadenceDays: (await settingsItem.getValue()).defaultCadenceDays,
    ...eventContactDefaults(await eventModeItem.getValue(), localToday()),
  };
}
