/**
 * The worker's heartbeat: an alarm that wakes it every minute to look at the data (who is due, what
 * is left to fold or fill in). The background keeps no state in variables, so every domain that has
 * periodic work listens for this one alarm (docs/ARCHITECTURE.md).
 */
export const CHECK_ALARM = 'follow-up-check';
export const CHECK_PERIOD_MINUTES = 1;

/** The part of `browser.alarms` that creating one needs. */
export interface Alarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number }): Promise<void> | void;
}

/** Creates a repeating alarm unless it exists: every domain calls it at each start of the worker. */
export async function ensureAlarm(alarms: Alarms, name: string, periodInMinutes: number): Promise<void> {
  if (!(await alarms.get(name))) await alarms.create(name, { periodInMinutes });
}

/** Creates the heartbeat unless it exists. */
export const ensureHeartbeat = (alarms: Alarms) => ensureAlarm(alarms, CHECK_ALARM, CHECK_PERIOD_MINUTES);
