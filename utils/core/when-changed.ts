/**
 * Wraps a listener of a live query so it hears a value only when it differs from the last one it
 * heard: most writes leave a derived list as it was, and a repeat would only redraw the page.
 */
export function whenChanged<T>(listener: (value: T) => void): (value: T) => void {
  let last: string | undefined;
  return (value) => {
    const seen = JSON.stringify(value);
    if (seen === last) return;
    last = seen;
    listener(value);
  };
}
