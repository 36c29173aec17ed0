/**
 * `JSON.parse` for a large backup, off the page's main thread: the worker (json-slices.worker.ts)
 * parses the text and sends the value back in slices (json-slices.ts).
 */
import { JsonAssembly, type JsonSliceMessage } from './json-slices';

/** Starts the parsing worker; null where none can start (then the page parses it itself). */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./json-slices.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** `JSON.parse`, done by a worker where one starts; a syntax error is thrown as the parser words it. */
export function parseJsonOffThread(text: string): Promise<unknown> {
  const worker = startWorker();
  if (!worker) return Promise.resolve().then(() => JSON.parse(text));
  return new Promise((resolve, reject) => {
    const assembly = new JsonAssembly();
    let received = false;
    worker.onmessage = (event: MessageEvent<JsonSliceMessage>) => {
      received = true;
      try {
        const step = assembly.add(event.data);
        if (!step.done) return;
        worker.terminate();
        resolve(step.value);
      } catch (error) {
        worker.terminate();
        reject(error);
      }
    };
    // A worker that could not load at all: the page parses the text itself.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (received) reject(new Error('The backup could not be read'));
      else {
        try {
          resolve(JSON.parse(text));
        } catch (error) {
          reject(error);
        }
      }
    };
    worker.postMessage(text);
  });
}
