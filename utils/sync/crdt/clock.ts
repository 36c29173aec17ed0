/**
 * Hybrid logical clock (Kulkarni et al.): physical milliseconds, a counter for events within one
 * millisecond or behind a faster clock, and the device id to break ties. A stamp is a string that
 * sorts the way the clock orders events, so the database and the merge compare stamps as text.
 */

export interface ClockState {
  /** Largest physical part seen or issued, in milliseconds since the epoch. */
  wall: number;
  counter: number;
}

export const INITIAL_CLOCK: ClockState = { wall: 0, counter: 0 };

const WALL_DIGITS = 11; // base 36: good until the year 5188
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

/** A stamp's parts; `device` is the writer's random id, never a name. */
export interface StampParts extends ClockState {
  device: string;
}

export function formatStamp({ wall, counter, device }: StampParts): string {
  return `${wall.toString(36).padStart(WALL_DIGITS, '0')}.${counter.toString(36).padStart(COUNTER_DIGITS, '0')}.${device}`;
}

export function parseStamp(stamp: string): StampParts {
  const [wall, counter, device] = stamp.split('.');
  if (!wall || !counter || !device) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wall: parseInt(wall, 36), counter: parseInt(counter, 36), device };
}

const STAMP = new RegExp(`^[0-9a-z]{${WALL_DIGITS}}\\.[0-9a-z]{${COUNTER_DIGITS}}\\.[0-9A-Za-z_-]{1,64}$`);

/** Whether a text received from another device is a stamp this clock could have written. */
export const isStamp = (value: unknown): value is string => typeof value === 'string' && STAMP.test(value);

export function deviceOfStamp(stamp: string): string {
  return stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

function advance(state: ClockState, wall: number): ClockState {
  if (wall > state.wall) return { wall, counter: 0 };
  if (state.counter >= MAX_COUNTER) return { wall: state.wall + 1, counter: 0 };
  return { wall: state.wall, counter: state.counter + 1 };
}

/** A local event: the next stamp, later than everything this clock has issued or seen. */
export function tick(state: ClockState, now: number, device: string): { state: ClockState; stamp: string } {
  const next = advance(state, Math.floor(now));
  return { state: next, stamp: formatStamp({ ...next, device }) };
}

/**
 * A remote stamp was seen: the clock moves past it, so every later local stamp sorts after it. A
 * remote device whose clock runs days ahead pulls this clock along instead of being refused: sync
 * must still complete, and the counter keeps causality.
 */
export function receive(state: ClockState, remoteStamp: string): ClockState {
  const remote = parseStamp(remoteStamp);
  if (remote.wall > state.wall || (remote.wall === state.wall && remote.counter > state.counter)) {
    return { wall: remote.wall, counter: remote.counter };
  }
  return state;
}
