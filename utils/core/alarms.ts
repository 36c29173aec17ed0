/**
 * The worker's heartbeat: an alarm that wakes it every minute to look at the data (who is due, what
 * is left to fold or fill in). The background keeps no state in variables, so every domain that has
 * periodic work listens for this one alarm (docs/ARCHITECTURE.md).
 */
export const CHECK_ALARM = 'follow-up-check';
export const CHECK_PERIOD_MINUTES = 1;

/** Creates the heartbeat unless it exists: called at every start of the worker. */
export async function ensureHeartbeat(alarms: {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number }): Promise<void> | void;
}): Promise<void> {
  if (!(await alarms.get(CHECK_ALARM))) await alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES });
}
