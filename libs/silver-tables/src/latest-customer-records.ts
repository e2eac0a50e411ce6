import type { SilverColumns } from '@medallion/schemas';
import { customerKeyOf, type CustomerKeys } from './customer-keys';
import { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';

/** What a reader of silver keeps of one customer: its latest record's region and status. */
export interface CustomerRecord {
  /** The Region cell, e.g. `Europe`. */
  readonly region: string;
  /** Whether the status is a subscribed one (see `isSubscribed`); true in a table without a status column. */
  readonly subscribed: boolean;
}

/** Takes the rows of committed silver tables, as {@link readCommittedSilver} hands them out: a batch at a time. */
export interface SilverRowSink {
  /**
   * One batch of a silver table's data rows.
   *
   * @param object - the rows' silver object (the same object instance for all its batches).
   * @param firstRow - the 0-based position of the batch's first row among the object's data rows.
   * @param keys - the batch's keys (see `extractCustomerKeys`).
   */
  addKeys(object: SilverObjectOrder, firstRow: number, keys: CustomerKeys): void;
}

const INITIAL_SLOTS = 1024;

/**
 * Each Customer ID's latest record across silver, free of S3: feed it every silver row, in any
 * order of objects, and it keeps, per Customer ID (trimmed, spreadsheet escape undone), the record
 * of the later object by {@link compareSilverObjects} and, within an object, the later row. Rows
 * with an empty Customer ID are counted and otherwise ignored. Gold and platinum count customers
 * this way.
 *
 * Memory grows with distinct customers, not rows: a map from Customer ID to a slot, and per slot 11
 * bytes of typed arrays (object, row, region, subscribed); objects and regions are kept once each.
 */
export class LatestCustomerRecords implements SilverRowSink {
  /** Customer ID → slot in the typed arrays. */
  private readonly latest = new Map<string, number>();
  private readonly objects: SilverObjectOrder[] = [];
  private readonly objectSlots = new Map<SilverObjectOrder, number>();
  private readonly regions: string[] = [];
  private readonly regionSlots = new Map<string, number>();
  private slotObject = new Uint32Array(INITIAL_SLOTS);
  private slotRow = new Uint32Array(INITIAL_SLOTS);
  private slotRegion = new Uint16Array(INITIAL_SLOTS);
  private slotSubscribed = new Uint8Array(INITIAL_SLOTS);
  private rowCount = 0;

  /** Silver rows added so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Distinct Customer IDs seen so far. */
  get customers(): number {
    return this.latest.size;
  }

  /**
   * Adds one batch of a silver object's rows.
   *
   * @param object - the rows' silver object (the same object instance for all its rows).
   * @param firstRow - the 0-based position of the batch's first row among the object's data rows.
   * @param keys - the batch's keys (see `extractCustomerKeys`).
   * @throws RangeError past 65,536 distinct Region values.
   */
  addKeys(object: SilverObjectOrder, firstRow: number, keys: CustomerKeys): void {
    const objectSlot = this.slotOfObject(object);
    const regionSlots = keys.regionNames.map((name) => this.slotOfRegion(name));
    const { customerIds, regionIndexes, subscribed } = keys;
    this.rowCount += customerIds.length;
    for (let i = 0; i < customerIds.length; i++) {
      this.keep(customerIds[i]!, objectSlot, object, firstRow + i, regionSlots[regionIndexes[i]!]!, subscribed[i]!);
    }
  }

  /**
   * Adds one silver row given as fields (tests, small inputs; readers of whole tables use {@link addKeys}).
   *
   * @param object - the row's silver object (the same object instance for all its rows).
   * @param row - the row's 0-based position among the object's data rows.
   * @param fields - the row's fields, as silver wrote them (spreadsheet-safe).
   * @param columns - the object's column positions (from `resolveSilverColumns`).
   */
  add(object: SilverObjectOrder, row: number, fields: readonly string[], columns: SilverColumns): void {
    const key = customerKeyOf(fields, columns);
    this.rowCount++;
    this.keep(key.customerId, this.slotOfObject(object), object, row, this.slotOfRegion(key.region), key.subscribed ? 1 : 0);
  }

  /**
   * Each customer's latest record.
   *
   * @returns `[customerId, { region, subscribed }]` pairs, in first-seen order of the IDs.
   */
  *records(): IterableIterator<[string, CustomerRecord]> {
    for (const [customerId, slot] of this.latest) yield [customerId, { region: this.regions[this.slotRegion[slot]!]!, subscribed: this.slotSubscribed[slot] === 1 }];
  }

  /** Keeps a row as its customer's latest record unless that customer has a later one. */
  private keep(customerId: string, objectSlot: number, object: SilverObjectOrder, row: number, regionSlot: number, subscribed: number): void {
    if (customerId === '') return;
    let slot = this.latest.get(customerId);
    if (slot === undefined) {
      slot = this.latest.size;
      this.ensureSlots(slot + 1);
      this.latest.set(customerId, slot);
    } else {
      const previousObject = this.slotObject[slot]!;
      const order = previousObject === objectSlot ? 0 : compareSilverObjects(this.objects[previousObject]!, object);
      if (order > 0 || (order === 0 && this.slotRow[slot]! > row)) return;
    }
    this.slotObject[slot] = objectSlot;
    this.slotRow[slot] = row;
    this.slotRegion[slot] = regionSlot;
    this.slotSubscribed[slot] = subscribed;
  }

  private slotOfObject(object: SilverObjectOrder): number {
    let slot = this.objectSlots.get(object);
    if (slot === undefined) {
      slot = this.objects.push(object) - 1;
      this.objectSlots.set(object, slot);
    }
    return slot;
  }

  private slotOfRegion(name: string): number {
    let slot = this.regionSlots.get(name);
    if (slot === undefined) {
      if (this.regions.length === 65_536) throw new RangeError('silver holds more than 65,536 distinct Region values');
      slot = this.regions.push(name) - 1;
      this.regionSlots.set(name, slot);
    }
    return slot;
  }

  private ensureSlots(slots: number): void {
    if (slots <= this.slotObject.length) return;
    const capacity = Math.max(slots, this.slotObject.length * 2);
    const grow = <T extends Uint32Array | Uint16Array | Uint8Array>(array: T, make: (length: number) => T): T => {
      const grown = make(capacity);
      grown.set(array);
      return grown;
    };
    this.slotObject = grow(this.slotObject, (n) => new Uint32Array(n));
    this.slotRow = grow(this.slotRow, (n) => new Uint32Array(n));
    this.slotRegion = grow(this.slotRegion, (n) => new Uint16Array(n));
    this.slotSubscribed = grow(this.slotSubscribed, (n) => new Uint8Array(n));
  }
}
