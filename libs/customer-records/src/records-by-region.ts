import type { CustomerRecords } from './customer-records';

/** The customers of one region: how many, and which are subscribed. */
export interface RegionRecords {
  /** The Region, e.g. `Europe`. */
  readonly region: string;
  /** Customers whose latest record is in the region. */
  readonly customers: number;
  /** The positions (in the records) of those whose latest record is subscribed, in ID order. */
  readonly subscribed: Uint32Array;
}

/**
 * Groups records by Region: one entry per Region holding at least one record, sorted by Region
 * (code-unit order), each with its customer count and its subscribed records in ID order. Gold
 * and platinum tables are made from this.
 *
 * @param records - the records, sorted by Customer ID.
 * @returns the regions.
 */
export function recordsByRegion(records: CustomerRecords): RegionRecords[] {
  const regions = records.regions.length;
  const { region, subscribed: isSubscribed, count } = records;
  const customers = new Uint32Array(regions);
  const subscribedCount = new Uint32Array(regions);
  for (let i = 0; i < count; i++) {
    const code = region[i]!;
    customers[code]! += 1;
    subscribedCount[code]! += isSubscribed[i]!;
  }
  const subscribed = Array.from(subscribedCount, (n) => new Uint32Array(n));
  const filled = new Uint32Array(regions);
  for (let i = 0; i < count; i++) {
    if (isSubscribed[i] !== 1) continue;
    const code = region[i]!;
    subscribed[code]![filled[code]!++] = i;
  }
  return records.regions
    .map((name, code) => ({ region: name, customers: customers[code]!, subscribed: subscribed[code]! }))
    .filter((entry) => entry.customers > 0)
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}

/**
 * Some records' Customer IDs joined into one string, built from their UTF-8 bytes in one buffer
 * (no string per ID: a million IDs cost one copy).
 *
 * @param records - the records.
 * @param positions - which records, in the order to write them.
 * @param separator - between two IDs, e.g. `, `.
 * @returns the joined IDs, e.g. `001, 007`.
 */
export function joinCustomerIds(records: CustomerRecords, positions: Uint32Array, separator: string): string {
  const { bytes, starts, ends } = records.ids;
  const between = Buffer.from(separator, 'utf8');
  const gap = between.length;
  let size = Math.max(0, positions.length - 1) * gap;
  for (let i = 0; i < positions.length; i++) size += ends[positions[i]!]! - starts[positions[i]!]!;
  const joined = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < positions.length; i++) {
    if (i > 0) for (let k = 0; k < gap; k++) joined[at++] = between[k]!;
    const position = positions[i]!;
    const end = ends[position]!;
    // IDs are short: a byte loop beats a subarray and a copy call each.
    for (let k = starts[position]!; k < end; k++) joined[at++] = bytes[k]!;
  }
  return joined.toString('utf8');
}
