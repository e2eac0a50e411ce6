import { textColumnFromStrings } from '@medallion/parquet-io';
import type { CustomerRecords } from './customer-records';
import { TooManyRegionsError } from './errors';

const INITIAL_SLOTS = 1024;

/**
 * Collects one file's rows in file order and keeps each Customer ID's latest: a later row replaces
 * an earlier one of the same ID. Silver builds its customer table this way, and a reader of an old
 * silver table (written before customer tables existed) the same records from its rows.
 * Memory grows with distinct customers: a map entry and 7 bytes of typed arrays each.
 */
export class LatestCustomerRows {
  private readonly slotOfId = new Map<string, number>();
  private readonly regions: string[] = [];
  private readonly regionCodes = new Map<string, number>();
  private region = new Uint16Array(INITIAL_SLOTS);
  private subscribed = new Uint8Array(INITIAL_SLOTS);
  private line = new Int32Array(INITIAL_SLOTS);
  private rowCount = 0;

  /** Rows added (an ID's earlier rows included). */
  get rows(): number {
    return this.rowCount;
  }

  /** Distinct Customer IDs so far. */
  get customers(): number {
    return this.slotOfId.size;
  }

  /**
   * Adds one row; a later row of the same Customer ID replaces the earlier one.
   *
   * @param customerId - the trimmed Customer ID; '' is counted as a row and otherwise ignored.
   * @param region - the row's Region, e.g. `Europe`.
   * @param subscribed - whether its status counts as subscribed.
   * @param line - its physical line in the bronze file.
   * @throws TooManyRegionsError past 65,536 distinct Region values.
   */
  add(customerId: string, region: string, subscribed: boolean, line: number): void {
    this.rowCount++;
    if (customerId === '') return;
    let slot = this.slotOfId.get(customerId);
    if (slot === undefined) {
      slot = this.slotOfId.size;
      this.slotOfId.set(customerId, slot);
      if (slot === this.region.length) this.grow();
    }
    this.region[slot] = this.regionCode(region);
    this.subscribed[slot] = subscribed ? 1 : 0;
    this.line[slot] = line;
  }

  /**
   * Adds rows given as columns (one batch of a file, in order), as {@link LatestCustomerRows.add} adds one.
   *
   * @param customerIds - each row's trimmed Customer ID.
   * @param regions - each row's Region.
   * @param subscribed - 1 where the row's status counts as subscribed.
   * @param lines - each row's physical line in the bronze file.
   */
  addAll(
    customerIds: readonly string[],
    regions: readonly string[],
    subscribed: ArrayLike<number>,
    lines: ArrayLike<number>,
  ): void {
    for (let i = 0; i < customerIds.length; i++) this.add(customerIds[i]!, regions[i]!, subscribed[i] === 1, lines[i]!);
  }

  /**
   * The latest record of each Customer ID, sorted by ID (JavaScript's string order, see `compareCustomerIds`).
   *
   * @param source - the source index every record gets. @default 0
   * @returns the records.
   */
  toRecords(source = 0): CustomerRecords {
    const sorted = [...this.slotOfId.keys()].sort();
    const count = sorted.length;
    const region = new Uint16Array(count);
    const subscribed = new Uint8Array(count);
    const line = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const slot = this.slotOfId.get(sorted[i]!)!;
      region[i] = this.region[slot]!;
      subscribed[i] = this.subscribed[slot]!;
      line[i] = this.line[slot]!;
    }
    return {
      count,
      ids: textColumnFromStrings(sorted),
      regions: [...this.regions],
      region,
      subscribed,
      line,
      source: new Uint32Array(count).fill(source),
    };
  }

  private regionCode(name: string): number {
    let code = this.regionCodes.get(name);
    if (code === undefined) {
      if (this.regions.length === 65_536) throw new TooManyRegionsError();
      code = this.regions.push(name) - 1;
      this.regionCodes.set(name, code);
    }
    return code;
  }

  private grow(): void {
    const size = this.region.length * 2;
    const region = new Uint16Array(size);
    region.set(this.region);
    const subscribed = new Uint8Array(size);
    subscribed.set(this.subscribed);
    const line = new Int32Array(size);
    line.set(this.line);
    this.region = region;
    this.subscribed = subscribed;
    this.line = line;
  }
}
