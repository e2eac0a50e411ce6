/** A UTF-16 code unit remapped so that code-unit order equals code-point (and so UTF-8 byte) order. */
const codePointRank = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);

/**
 * Compares two object keys in the order S3 lists them: the binary order of their UTF-8 bytes. That is
 * code-point order, which differs from JavaScript's code-unit order only where a character above
 * U+FFFF (a surrogate pair) meets one in U+E000–U+FFFF.
 *
 * @param a - a key.
 * @param b - another key.
 * @returns negative when `a` sorts first, 0 when equal, positive when `b` does.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? codePointRank(x) - codePointRank(y) : x - y;
  }
  return a.length - b.length;
}

/**
 * The keys of one bucket in S3's listing order (see {@link compareKeys}), kept sorted on insert and
 * remove (binary search; an insert moves the array's tail, cheap up to hundreds of thousands of keys).
 */
export class SortedKeys {
  private readonly keys: string[] = [];

  /**
   * The sorted set of some keys, sorted once (faster than adding them one by one).
   *
   * @param keys - distinct object keys, in any order.
   * @returns the set.
   */
  static of(keys: Iterable<string>): SortedKeys {
    const sorted = new SortedKeys();
    sorted.keys.push(...keys);
    sorted.keys.sort(compareKeys);
    return sorted;
  }

  /** How many keys. */
  get size(): number {
    return this.keys.length;
  }

  /**
   * The key at a position.
   *
   * @param index - 0-based position in listing order.
   * @returns the key, or undefined past the end.
   */
  at(index: number): string | undefined {
    return this.keys[index];
  }

  /**
   * Adds a key (nothing when present).
   *
   * @param key - object key.
   */
  add(key: string): void {
    const index = this.firstAtOrAfter(key);
    if (this.keys[index] !== key) this.keys.splice(index, 0, key);
  }

  /**
   * Removes a key (nothing when absent).
   *
   * @param key - object key.
   */
  delete(key: string): void {
    const index = this.firstAtOrAfter(key);
    if (this.keys[index] === key) this.keys.splice(index, 1);
  }

  /**
   * The position of the first key not before `key`.
   *
   * @param key - any text.
   * @returns 0…size.
   */
  firstAtOrAfter(key: string): number {
    return this.search((candidate) => compareKeys(candidate, key) < 0);
  }

  /**
   * The position of the first key after `key`.
   *
   * @param key - any text.
   * @returns 0…size.
   */
  firstAfter(key: string): number {
    return this.search((candidate) => compareKeys(candidate, key) <= 0);
  }

  /**
   * The position of the first key that is after `prefix` and does not start with it: where a
   * listing resumes after rolling keys up into the common prefix `prefix`.
   *
   * @param prefix - e.g. `silver/2026/`.
   * @returns 0…size.
   */
  firstPast(prefix: string): number {
    return this.search((candidate) => compareKeys(candidate, prefix) < 0 || candidate.startsWith(prefix));
  }

  /** The first position whose key fails `before` (which holds for a leading run of the keys). */
  private search(before: (candidate: string) => boolean): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.keys[middle] as string)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
