/**
 * Remembering what a pure function of a cell's text returned: the recognisers classify the
 * same texts (header titles, criterion names) many times per sheet and again in every
 * commune's file. Bounded: forgotten all at once when full; long texts are not remembered.
 */
const LIMIT = 20000;
const LONGEST = 300;

/**
 * `fn` remembered by its text argument. Object results are returned as shallow copies, so a
 * caller changing one does not change what the next caller gets.
 */
export function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    if (text.length > LONGEST) return fn(text);
    let out = cache.get(text);
    if (out === undefined && !cache.has(text)) {
      out = fn(text);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, out as T);
    }
    return out !== null && typeof out === 'object' ? ({ ...out } as T) : (out as T);
  };
}
