// Parses a backup's JSON text for the options page and sends it back in slices (json-slices.ts).
import { sliceMessages, type JsonSliceMessage } from './json-slices';

const post = (message: JsonSliceMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<string>) => {
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  for (const message of sliceMessages(value)) post(message);
};
