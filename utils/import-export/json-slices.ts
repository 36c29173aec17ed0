/**
 * A large backup's JSON parsed off the page's main thread: a worker parses it and sends it back as
 * a head (the top-level object with its long lists emptied) and then those lists a slice at a
 * time, so reading any one message is a short task and the page keeps drawing its progress.
 */

/** Rows per message: reading 2,000 rows from a message takes the page a few milliseconds. */
export const JSON_SLICE_ROWS = 2_000;

export type JsonSliceMessage =
  | { type: 'head'; value: unknown }
  | { type: 'rows'; key: string; rows: unknown[] }
  | { type: 'done' }
  /** The parser's own message, for `jsonError` to turn into a line number. */
  | { type: 'error'; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the worker sends for a parsed value, in order. */
export function* sliceMessages(value: unknown): Generator<JsonSliceMessage> {
  if (!isObject(value)) {
    yield { type: 'head', value };
    yield { type: 'done' };
    return;
  }
  const long = Object.keys(value).filter((key) => Array.isArray(value[key]) && (value[key] as unknown[]).length > JSON_SLICE_ROWS);
  yield { type: 'head', value: { ...value, ...Object.fromEntries(long.map((key) => [key, []])) } };
  for (const key of long) {
    const list = value[key] as unknown[];
    for (let start = 0; start < list.length; start += JSON_SLICE_ROWS) {
      yield { type: 'rows', key, rows: list.slice(start, start + JSON_SLICE_ROWS) };
    }
  }
  yield { type: 'done' };
}

/** Puts the value back together from the messages, in the order they came. */
export class JsonAssembly {
  private value: unknown;

  /** The value once `done` came; throws a parse error with the parser's message. */
  add(message: JsonSliceMessage): { done: true; value: unknown } | { done: false } {
    switch (message.type) {
      case 'head':
        this.value = message.value;
        return { done: false };
      case 'rows': {
        const list = (this.value as Record<string, unknown[]>)[message.key]!;
        for (const row of message.rows) list.push(row);
        return { done: false };
      }
      case 'done':
        return { done: true, value: this.value };
      case 'error':
        throw new SyntaxError(message.message);
    }
  }
}
