import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_CLOCK, tick, receive, type ClockState, parseStamp, formatStamp } from '@/utils/sync/crdt/clock';
import {
  dismissKept,
  isDeleted,
  latestStamp,
  mergeStates,
  offeredTexts,
  valueOf,
  writeField,
  DELETED_FIELD,
  type SyncState,
} from '@/utils/sync/crdt/merge';

/** Key order aside, so two equal states compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const TEXT = new Set(['notes', 'howICanHelp']);

interface Device {
  id: string;
  clock: ClockState;
  state: SyncState;
}

type Op =
  | { kind: 'write'; device: number; record: number; field: number; value: string; now: number }
  | { kind: 'delete'; device: number; record: number; now: number }
  | { kind: 'sync'; from: number; to: number };

const FIELDS = ['notes', 'howICanHelp', 'tags'];
const DEVICE_COUNT = 3;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    device: fc.nat(DEVICE_COUNT - 1),
    record: fc.nat(2),
    field: fc.nat(FIELDS.length - 1),
    value: fc.constantFrom('', 'a', 'b', 'met at a fair', 'likes jazz'),
    // Clocks that disagree by days, and run backwards.
    now: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 5 * 86_400_000 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    device: fc.nat(DEVICE_COUNT - 1),
    record: fc.nat(2),
    now: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 5 * 86_400_000 }),
  }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(DEVICE_COUNT - 1), to: fc.nat(DEVICE_COUNT - 1) }),
);

function absorb(device: Device, incoming: SyncState): Device {
  let clock = device.clock;
  for (const record of Object.values(incoming)) {
    const latest = latestStamp(record);
    if (latest) clock = receive(clock, latest);
  }
  return { ...device, clock, state: mergeStates(device.state, incoming) };
}

function run(ops: Op[]): Device[] {
  let devices: Device[] = Array.from({ length: DEVICE_COUNT }, (_, i) => ({ id: `dev${i}`, clock: INITIAL_CLOCK, state: {} }));
  for (const op of ops) {
    if (op.kind === 'sync') {
      devices = devices.map((d, i) => (i === op.to ? absorb(d, devices[op.from]!.state) : d));
      continue;
    }
    const device = devices[op.device]!;
    const id = `c:p${op.record}`;
    const { state: clock, stamp } = tick(device.clock, op.now, device.id);
    const record = device.state[id] ?? { f: {} };
    const written =
      op.kind === 'delete'
        ? writeField(record, DELETED_FIELD, true, stamp, false)
        : writeField(record, FIELDS[op.field]!, op.field === 2 ? [op.value] : op.value, stamp, TEXT.has(FIELDS[op.field]!));
    devices = devices.map((d, i) => (i === op.device ? { ...d, clock, state: { ...d.state, [id]: written } } : d));
  }
  return devices;
}

const statesArb = fc.array(opArb, { maxLength: 40 }).map((ops) => run(ops).map((d) => d.state));

describe('hybrid logical clock', () => {
  it('issues stamps that sort after everything it issued or received, even when the wall clock runs back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1e13 }).map((now) => ({ now })), fc.integer({ min: 0, max: 1e13 }).map((remote) => ({ remote })))),
        (events) => {
          let clock = INITIAL_CLOCK;
          let last = '';
          for (const event of events) {
            if ('now' in event) {
              const next = tick(clock, event.now, 'a');
              expect(next.stamp > last).toBe(true);
              clock = next.state;
              last = next.stamp;
            } else {
              const remote = formatStamp({ wall: event.remote, counter: 3, device: 'b' });
              clock = receive(clock, remote);
              if (remote > last) last = remote;
            }
          }
        },
      ),
    );
  });

  it('round-trips a stamp through its text form', () => {
    const { stamp } = tick(INITIAL_CLOCK, 1_700_000_000_123, 'dev-x1');
    expect(parseStamp(stamp)).toEqual({ wall: 1_700_000_000_123, counter: 0, device: 'dev-x1' });
  });
});

describe('merge of synced states', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(statesArb, ([a, b]) => {
        expect(canonical(mergeStates(a!, b!))).toEqual(canonical(mergeStates(b!, a!)));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(statesArb, ([a, b, c]) => {
        expect(canonical(mergeStates(mergeStates(a!, b!), c!))).toEqual(canonical(mergeStates(a!, mergeStates(b!, c!))));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(statesArb, ([a, b]) => {
        const ab = mergeStates(a!, b!);
        expect(canonical(mergeStates(ab, ab))).toEqual(canonical(ab));
        expect(canonical(mergeStates(ab, b!))).toEqual(canonical(ab));
      }),
    );
  });

  it('brings every device to the same values once all have synced with all', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const all: Op[] = [];
        for (let to = 0; to < DEVICE_COUNT; to++) for (let from = 0; from < DEVICE_COUNT; from++) all.push({ kind: 'sync', from, to });
        const devices = run([...ops, ...all, ...all]);
        for (const device of devices.slice(1)) expect(canonical(device.state)).toEqual(canonical(devices[0]!.state));
      }),
    );
  });
});

describe('concurrent edits', () => {
  const stampAt = (device: string, now: number) => tick(INITIAL_CLOCK, now, device).stamp;

  it('lets the later writer win and offers the losing text', () => {
    const a = writeField({ f: {} }, 'notes', 'Loves sailing', stampAt('A', 1000), true);
    const b = writeField({ f: {} }, 'notes', 'Moved to Lisbon', stampAt('B', 2000), true);
    const merged = mergeStates({ 'c:x': a }, { 'c:x': b })['c:x']!;
    expect(valueOf(merged, 'notes')).toBe('Moved to Lisbon');
    expect(offeredTexts(merged, TEXT).map((o) => o.value)).toEqual(['Loves sailing']);
  });

  it('keeps offering the losing text after the next local edit, until it is dismissed', () => {
    const a = writeField({ f: {} }, 'notes', 'Loves sailing', stampAt('A', 1000), true);
    const b = writeField({ f: {} }, 'notes', 'Moved to Lisbon', stampAt('B', 2000), true);
    const merged = mergeStates({ 'c:x': a }, { 'c:x': b })['c:x']!;
    const edited = writeField(merged, 'notes', 'Moved to Lisbon in May', stampAt('A', 3000), true);
    expect(valueOf(edited, 'notes')).toBe('Moved to Lisbon in May');
    const [offer] = offeredTexts(edited, TEXT);
    expect(offer?.value).toBe('Loves sailing');
    const dismissed = dismissKept(edited, [offer!.stamp]);
    expect(offeredTexts(dismissed, TEXT)).toEqual([]);
    // A device that still holds the old loser does not bring the offer back.
    expect(offeredTexts(mergeStates({ 'c:x': dismissed }, { 'c:x': merged })['c:x'], TEXT)).toEqual([]);
  });

  it('offers nothing when one device edited after seeing the other edit', () => {
    const a = writeField({ f: {} }, 'notes', 'Loves sailing', stampAt('A', 1000), true);
    const b = writeField(a, 'notes', 'Loves sailing and jazz', stampAt('B', 2000), true);
    const merged = mergeStates({ 'c:x': a }, { 'c:x': b })['c:x']!;
    expect(valueOf(merged, 'notes')).toBe('Loves sailing and jazz');
    expect(offeredTexts(merged, TEXT)).toEqual([]);
  });

  it('deletes with a tombstone that an older edit does not undo', () => {
    const a = writeField({ f: {} }, 'notes', 'x', stampAt('A', 1000), true);
    const deleted = writeField(a, DELETED_FIELD, true, stampAt('B', 2000), false);
    const merged = mergeStates({ 'c:x': deleted }, { 'c:x': a })['c:x'];
    expect(isDeleted(merged)).toBe(true);
  });
});
