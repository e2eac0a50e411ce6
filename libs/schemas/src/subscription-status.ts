/**
 * Status values that mean "subscribed", compared after trimming and lower-casing. Anything else
 * (Inactive, Cancelled, empty, …) means not subscribed.
 */
export const SUBSCRIBED_STATUSES: ReadonlySet<string> = new Set(['active', 'subscribed', 'yes', 'y', 'true', '1']);

/**
 * Whether a customer's status counts as subscribed.
 *
 * @param status - the status cell, or `undefined` when the file has no status column (then every
 *   customer is subscribed, as in the original sample files' schema).
 * @returns true for Active, Subscribed, Yes, Y, True or 1 in any case.
 */
export function isSubscribed(status: string | undefined): boolean {
  return status === undefined || SUBSCRIBED_STATUSES.has(status.trim().toLowerCase());
}
