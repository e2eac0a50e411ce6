import type { GoldRow } from '@medallion/schemas';
import type { GoldBatchKeys } from './gold-batch';
import { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';

const INITIAL_CAPACITY = 1024;

/**
 * Gold's aggregation, free of S3: feed it every silver row, in any order of objects, and it keeps
 * each Customer ID's latest record (the later object by {@link compareSilverObjects}; within an
 * object, the later row). Memory grows with distinct customers, not rows: a map from Customer ID to
 * a slot, and per slot 11 bytes in typed arrays (object, row, region, subscribed).
 */
export class GoldAggregator {
  /** Customer ID → slot in the typed arrays. */
  private readonly latest = new Map<string, number>();
  private readonly objects: SilverObjectOrder[] = [];
  private readonly objectIndex = new Map<SilverObjectOrder, number>();
  private readonly regions: string[] = [];
  private readonly regionIndex = new Map<string, number>();
  private slotObject = new Uint32Array(INITIAL_CAPACITY);
  private slotRow = new Uint32Array(INITIAL_CAPACITY);
  private slotRegion = new Uint16Array(INITIAL_CAPACITY);
  private slotSubscribed = new Uint8Array(INITIAL_CAPACITY);
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
   * @param keys - the batch's keys (see `extractGoldKeys`).
   * @throws RangeError past 65,536 distinct Region values.
   */
  addKeys(object: SilverObjectOrder, firstRow: number, keys: GoldBatchKeys): void {
    const objectSlot = this.indexOfObject(object);
    const regionSlots = keys.regionNames.map((name) => this.indexOfRegion(name));
    const { customerIds, regionIndexes, subscribed } = keys;
    this.rowCount += customerIds.length;
    for (let i = 0; i < customerIds.length; i++) {
      const customerId = customerIds[i]!;
      if (customerId === '') continue;
      const row = firstRow + i;
      let slot = this.latest.get(customerId);
      if (slot === undefined) {
        slot = this.latest.size;
        this.ensureCapacity(slot + 1);
        this.latest.set(customerId, slot);
      } else {
        const previousObject = this.slotObject[slot]!;
        const order = previousObject === objectSlot ? 0 : compareSilverObjects(this.objects[previousObject]!, object);
        if (order > 0 || (order === 0 && this.slotRow[slot]! > row)) continue;
      }
      this.slotObject[slot] = objectSlot;
      this.slotRow[slot] = row;
      this.slotRegion[slot] = regionSlots[regionIndexes[i]!]!;
      this.slotSubscribed[slot] = subscribed[i]!;
    }
  }

  /**
   * Visits each distinct Customer ID with its latest record.
   *
   * @param visit - called with the ID, the Region and whether the customer counts as subscribed, in first-seen order.
   */
  forEachLatest(visit: (customerId: string, region: string, subscribed: boolean) => void): void {
    for (const [customerId, slot] of this.latest) visit(customerId, this.regions[this.slotRegion[slot]!]!, this.slotSubscribed[slot] === 1);
  }

  /**
   * The gold table: one row per region holding at least one customer's latest record, sorted by
   * region; the subscribed IDs of each sorted by code-unit order.
   *
   * @returns the gold rows.
   */
  toRows(): GoldRow[] {
    const byRegion = new Map<string, string[]>();
    this.forEachLatest((customerId, region, subscribed) => {
      let ids = byRegion.get(region);
      if (!ids) byRegion.set(region, (ids = []));
      if (subscribed) ids.push(customerId);
    });
    return [...byRegion.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([region, ids]) => {
        const customerIds = ids.sort();
        return { region, subscribedCustomers: customerIds.length, customerIds };
      });
  }

  private indexOfObject(object: SilverObjectOrder): number {
    let index = this.objectIndex.get(object);
    if (index === undefined) {
      index = this.objects.push(object) - 1;
      this.objectIndex.set(object, index);
    }
    return index;
  }

  private indexOfRegion(name: string): number {
    let index = this.regionIndex.get(name);
    if (index === undefined) {
      if (this.regions.length === 65_536) throw new RangeError('silver holds more than 65,536 distinct Region values');
      index = this.regions.push(name) - 1;
      this.regionIndex.set(name, index);
    }
    return index;
  }

  private ensureCapacity(slots: number): void {
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
