/** The items in consecutive slices of `size` (the last may be shorter): batches of writes, reads or work. */
export function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
