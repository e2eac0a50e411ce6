/**
 * The platinum aggregation, free of S3: feed it every input object (its header, then its data
 * rows), in key order, and it gives the output table. The generator's starting point passes every
 * row through unchanged under the first object's header; an object with another header is refused
 * (the caller skips it). It holds every row in memory: replace it with the layer's logic.
 */
export class PlatinumAggregator {
  private header: readonly string[] | undefined;
  private readonly rows: Array<readonly string[]> = [];

  /**
   * Starts an input object.
   *
   * @param header - the object's header fields.
   * @returns true when its rows can be added; false when its header differs from the first object's.
   */
  startObject(header: readonly string[]): boolean {
    this.header ??= header;
    return this.header.length === header.length && this.header.every((name, index) => name === header[index]);
  }

  /**
   * Adds one data row of the current object.
   *
   * @param fields - the row's fields.
   */
  addRow(fields: readonly string[]): void {
    this.rows.push(fields);
  }

  /**
   * The output table.
   *
   * @returns the header, then every row in the order added; no records when no object was started.
   */
  toRecords(): Array<readonly string[]> {
    return this.header === undefined ? [] : [this.header, ...this.rows];
  }
}
