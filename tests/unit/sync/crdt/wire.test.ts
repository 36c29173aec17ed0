import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_CLOCK, tick } from '@/utils/sync/crdt/clock';
import { dismissKept, mergeStates, writeField, type SyncState } from '@/utils/sync/crdt/merge';
import { decodeRecords, decodeState, encodeState } from '@/utils/sync/crdt/wire';

const stampOf = (device: string, now: number) => tick(INITIAL_CLOCK, now, device).stamp;

const stateArb: fc.Arbitrary<SyncState> = fc
  .array(
    fc.record({
      device: fc.constantFrom('aa11', 'bb22', 'cc33'),
      record: fc.constantFrom('c:kenji', 'c:amara', 'i:1'),
      field: fc.constantFrom('notes', 'tags', 'deleted'),
      value: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 }), fc.boolean(), fc.constant(null)),
      now: fc.integer({ min: 1, max: 1e12 }),
      merge: fc.boolean(),
      dismiss: fc.boolean(),
    }),
    { maxLength: 20 },
  )
  .map((ops) => {
    const byDevice: Record<string, SyncState> = {};
    let all: SyncState = {};
    for (const op of ops) {
      const own = op.merge ? mergeStates(byDevice[op.device] ?? {}, all) : (byDevice[op.device] ?? {});
      let record = writeField(own[op.record] ?? { f: {} }, op.field, op.value, stampOf(op.device, op.now), true);
      if (op.dismiss && record.kept) record = dismissKept(record, Object.keys(record.kept).slice(0, 1));
      byDevice[op.device] = { ...own, [op.record]: record };
      all = mergeStates(all, byDevice[op.device]!);
    }
    return all;
  });

describe('the wire form of synced records', () => {
  it('decodes to exactly what was encoded, through JSON', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(decodeState(JSON.parse(JSON.stringify(encodeState(state))))).toEqual(JSON.parse(JSON.stringify(state)));
      }),
    );
  });

  it('refuses what is not a well-formed file', () => {
    const good = encodeState({ 'c:kenji': writeField({ f: {} }, 'notes', 'x', stampOf('aa11', 5), true) });
    for (const bad of [null, [], { ...good, w: 2 }, { ...good, stamps: [7] }, { ...good, stamps: ['__proto__'] }, { ...good, records: {} }]) {
      expect(decodeRecords(bad)).toBeNull();
    }
  });

  it('leaves out a malformed record and counts it, keeping the file’s other records', () => {
    const good = encodeState({ 'c:kenji': writeField({ f: {} }, 'notes', 'x', stampOf('aa11', 5), true) });
    const kenji = good.records[0]!;
    for (const bad of [
      ['x:bad', []],
      ['c:amara', [[0, ['x', 9]]]],
      ['c:amara', [[5, ['x', 0]]]],
      ['c:amara', [[0]]],
      ['c:amara', [[0, ['x', 0]], [0, ['y', 0]]]],
      ['c:kenji', [[0, ['again', 0]]]],
      [{ toString: () => 'c:amara' }, []],
    ]) {
      const decoded = decodeRecords({ ...good, records: [kenji, bad] });
      expect(decoded?.skipped).toBe(1);
      expect(decoded?.state).toEqual(decodeState(good));
    }
    const proto = decodeRecords({ ...good, fields: [...good.fields, '__proto__'], records: [kenji, ['c:amara', [[1, [{ polluted: true }, 0]]]]] });
    expect(proto).toMatchObject({ skipped: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
