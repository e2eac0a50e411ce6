/**
 * The regions of medallion's taxonomy: eight geographic regions plus `Others`.
 *
 * `North America` covers Northern America and Central America; `Caribbean` is its own region;
 * `Others` is reserved for values that name no country (empty, unknown, made up).
 */
export const REGIONS = [
  'Africa',
  'Antarctica',
  'Asia',
  'Caribbean',
  'Europe',
  'North America',
  'Oceania',
  'South America',
  'Others',
] as const;

/** One region name of {@link REGIONS}. */
export type Region = (typeof REGIONS)[number];

/** The region given to a country value that names no known country. */
export const UNKNOWN_REGION: Region = 'Others';
