/** Who holds one key, and who waits for it, in arrival order. */
interface KeyState {
  readers: number;
  writing: boolean;
  readonly waiting: Array<{ readonly write: boolean; readonly grant: () => void }>;
}

/**
 * Per-key reader-writer locks, first come first served: any number of reads of a key at once, a
 * write alone. A read that arrives after a waiting write waits for it, so writes are not starved.
 */
export class KeyLocks {
  private readonly keys = new Map<string, KeyState>();

  /**
   * Waits for the key and holds it.
   *
   * @param key - e.g. `bucket/silver/a.csv`.
   * @param write - exclusive (a write) or shared (a read).
   * @returns the function that releases it (call it once).
   */
  async acquire(key: string, write: boolean): Promise<() => void> {
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = { readers: 0, writing: false, waiting: [] }));
    const held = state;
    if (held.waiting.length > 0 || !this.free(held, write)) await new Promise<void>((grant) => held.waiting.push({ write, grant }));
    else this.take(held, write);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (write) held.writing = false;
      else held.readers--;
      this.wake(key, held);
    };
  }

  private free(state: KeyState, write: boolean): boolean {
    return write ? !state.writing && state.readers === 0 : !state.writing;
  }

  private take(state: KeyState, write: boolean): void {
    if (write) state.writing = true;
    else state.readers++;
  }

  private wake(key: string, state: KeyState): void {
    while (state.waiting.length > 0 && this.free(state, state.waiting[0]!.write)) {
      const next = state.waiting.shift()!;
      this.take(state, next.write);
      next.grant();
      if (next.write) break;
    }
    if (!state.writing && state.readers === 0 && state.waiting.length === 0) this.keys.delete(key);
  }
}
