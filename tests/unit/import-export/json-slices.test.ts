import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_SLICE_ROWS, JsonAssembly, sliceMessages, type JsonSliceMessage } from '@/utils/import-export/json-slices';

function reassemble(messages: Iterable<JsonSliceMessage>): unknown {
  const assembly = new JsonAssembly();
  for (const message of messages) {
    const step = assembly.add(structuredClone(message));
    if (step.done) return step.value;
  }
  throw new Error('no done message');
}

describe('a backup parsed off the main thread comes back in slices', () => {
  it('sends long lists a slice at a time and puts the value back exactly', () => {
    const backup = {
      format: 'relationship-notes-backup',
      schemaVersion: 3,
      contacts: Array.from({ length: JSON_SLICE_ROWS * 2 + 7 }, (_, i) => ({ key: `person-${i}` })),
      interactions: [{ id: 'a' }],
      settings: null,
    };
    const messages = [...sliceMessages(backup)];
    expect(messages.map((m) => m.type)).toEqual(['head', 'rows', 'rows', 'rows', 'done']);
    expect(messages.filter((m) => m.type === 'rows').map((m) => (m as { rows: unknown[] }).rows.length)).toEqual([JSON_SLICE_ROWS, JSON_SLICE_ROWS, 7]);
    expect(reassemble(messages)).toEqual(backup);
  });

  it('gives back any JSON value unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(reassemble(sliceMessages(value))).toStrictEqual(value);
      }),
    );
  });

  it('throws the parser’s own words for a syntax error', () => {
    expect(() => new JsonAssembly().add({ type: 'error', message: 'Unexpected end of JSON input' })).toThrow(
      new SyntaxError('Unexpected end of JSON input'),
    );
  });
});
