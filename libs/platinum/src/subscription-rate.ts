/**
 * The subscription rate as platinum writes it: `100 × subscribed / customers` as a percentage with
 * one decimal and no percent sign (`66.7`, `100.0`, `0.0`). Rounded half up on the exact fraction,
 * in integer arithmetic: 0.15 % gives `0.2` and 6.25 % gives `6.3`, where rounding a binary float
 * (`(100 * 3 / 2000).toFixed(1)`) would give `0.1`.
 *
 * @param subscribed - subscribed customers, a whole number from 0 to `customers`.
 * @param customers - customers, a whole number of at least 1 (and below 2^53 / 2000).
 * @returns the rate, e.g. `66.7`.
 * @throws RangeError when the counts are not whole, `customers` is below 1 or `subscribed` is outside 0…customers.
 */
export function formatSubscriptionRate(subscribed: number, customers: number): string {
  if (
    !Number.isSafeInteger(subscribed) ||
    !Number.isSafeInteger(customers) ||
    customers < 1 ||
    subscribed < 0 ||
    subscribed > customers ||
    customers > Number.MAX_SAFE_INTEGER / 2000
  ) {
    throw new RangeError(
      `no subscription rate for ${subscribed} subscribed of ${customers} customers: give whole numbers, 0 ≤ subscribed ≤ customers, customers ≥ 1`,
    );
  }
  // Tenths of a percent, rounded half up: floor(1000·s/c + 1/2) = floor((2000·s + c) / 2c).
  const tenths = Math.floor((2000 * subscribed + customers) / (2 * customers));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
