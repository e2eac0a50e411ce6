/**
 * The root of every lib's errors: each lib's base class (`CsvIoError`, `SilverError`, …) extends it,
 * and each error class below those declares nothing but what it adds.
 *
 * `name` is the class's own name (`new.target.name`), so a class states its name once, in its
 * declaration; a bundle keeps class names (esbuild `keepNames` in nx.json), so `name` is the same
 * in a minified Lambda bundle as in a test. Code that rebuilds an error from plain data (an error
 * that crossed a worker thread) matches on `name`.
 */
export class MedallionError extends Error {
  /**
   * @param message - for people; never row contents.
   * @param options - `cause`, the error behind this one.
   */
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
