import { normalizeCountryName } from './normalize-country-name';
import { UNKNOWN_REGION, type Region } from './region';
import { buildIsoCodeTable, buildRegionTable, buildTranslationTable, type CountryMatch } from './region-table';

export type { CountryMatch } from './region-table';

let table: Map<string, CountryMatch> | undefined;
let translations: Map<string, CountryMatch> | undefined;
let codes: Map<string, CountryMatch> | undefined;

/** Raw cell → result, since a file repeats a few hundred country spellings over millions of rows. */
const recentLookups = new Map<string, CountryMatch | undefined>();
/** Bound on {@link recentLookups} (entries), so that a file of unique garbage cannot grow memory. */
const RECENT_LOOKUPS_LIMIT = 10_000;

/**
 * Resolves a country value to its country and region.
 *
 * Matching ignores case, space, accents, punctuation, `&`/`and`, a leading "The" and "St."/"Saint"
 * (see {@link normalizeCountryName}); a value with a trailing parenthesis that does not match whole
 * is tried again without it (`"Bouvet Island (Bouvetoya)"` → `"Bouvet Island"`), and one with a
comma is tried inverted (`"Korea, South"`). ISO 3166-1 codes
 * match only in upper case (`US`, `DEU`; not `NA`, which usually means "not available").
 *
 * @param value - a raw country cell, e.g. `"Viet Nam"`, `" usa "`, `"Côte d'Ivoire"`.
 * @returns the match, or `undefined` when the value names no known country (blank included).
 */
export function lookupCountry(value: string): CountryMatch | undefined {
  if (recentLookups.has(value)) return recentLookups.get(value);
  const match = lookupUncached(value);
  if (recentLookups.size >= RECENT_LOOKUPS_LIMIT) recentLookups.clear();
  recentLookups.set(value, match);
  return match;
}

function lookupUncached(value: string): CountryMatch | undefined {
  const trimmed = value.trim();
  if (/^[A-Z]{2,3}$/.test(trimmed)) {
    const byCode = (codes ??= buildIsoCodeTable()).get(trimmed);
    if (byCode) return byCode;
  }
  const key = normalizeCountryName(trimmed);
  if (!key) return undefined;
  const match = lookupKey(key);
  if (match) return match;
  for (const variant of variantsOf(trimmed)) {
    const variantKey = normalizeCountryName(variant);
    const found = variantKey && variantKey !== key ? lookupKey(variantKey) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A folded name in the name table, else in the translations (each built on first need, not at import, to keep Lambda cold starts short). */
function lookupKey(key: string): CountryMatch | undefined {
  const names = (table ??= buildRegionTable());
  return names.get(key) ?? (translations ??= buildTranslationTable(names)).get(key);
}

/**
 * Other readings of a value that did not match whole: without a trailing parenthesis
 * (`"Bouvet Island (Bouvetoya)"` → `"Bouvet Island"`), and with the part after its one comma moved
 * to the front, as indexes write names (`"Korea, South"` → `"South Korea"`, `"Gambia, The"`).
 */
function variantsOf(value: string): string[] {
  const variants = [value.replace(/\s*\([^)]*\)$/, '')];
  const parts = value.split(',');
  if (parts.length === 2) variants.push(`${parts[1]} ${parts[0]}`);
  return variants;
}

/**
 * The region of a country value; `Others` when the value names no country.
 *
 * Data source: the `world-countries` npm package (mledoze/countries, ODbL-1.0), whose regions
 * follow the UN M49 geoscheme, plus medallion's alias list for legacy and generator spellings.
 * Where references disagree the dataset decides: Cyprus is Europe; the sub-Antarctic islands
 * (Bouvet Island, Heard Island and McDonald Islands, South Georgia, French Southern Territories)
 * are Antarctica.
 *
 * @param value - a raw country cell.
 * @returns the region, e.g. `regionForCountry('Chile') === 'South America'`.
 */
export function regionForCountry(value: string): Region {
  return lookupCountry(value)?.region ?? UNKNOWN_REGION;
}
