import countries from 'world-countries';
import { COUNTRY_ALIASES, HISTORIC_COUNTRIES } from './country-aliases';
import { normalizeCountryName } from './normalize-country-name';
import { UNKNOWN_REGION, type Region } from './region';
import { regionOfSubregion } from './region-of-subregion';

/** A country value resolved against the region table. */
export interface CountryMatch {
  /** ISO 3166-1 alpha-2 code, e.g. `"CI"`; undefined for a historic country (ISO 3166-3). */
  readonly cca2: string | undefined;
  /** The region of the country. */
  readonly region: Region;
}

let table: Map<string, CountryMatch> | undefined;

/** Raw cell → result, since a file repeats a few hundred country spellings over millions of rows. */
const recentLookups = new Map<string, CountryMatch | undefined>();
/** Bound on {@link recentLookups} (entries), so that a file of unique garbage cannot grow memory. */
const RECENT_LOOKUPS_LIMIT = 10_000;

/**
 * Builds the lookup table once, on first use (nothing is done at import, to keep Lambda cold
 * starts short): every ISO 3166-1 country and territory of the `world-countries` dataset
 * (mledoze/countries, ODbL-1.0; regions and subregions follow the UN M49 geoscheme) under its
 * common and official English names, native names, codes (alpha-2, alpha-3) and alternative
 * spellings; then {@link COUNTRY_ALIASES} and {@link HISTORIC_COUNTRIES}. English names win a
 * collision with a native name or spelling.
 */
function regionTable(): Map<string, CountryMatch> {
  if (table) return table;
  const byCode = new Map<string, CountryMatch>();
  const built = new Map<string, CountryMatch>();
  const add = (name: string, match: CountryMatch): void => {
    const key = normalizeCountryName(name);
    if (key && !built.has(key)) built.set(key, match);
  };
  for (const country of countries) {
    const match = { cca2: country.cca2, region: regionOfSubregion(country.region, country.subregion) };
    byCode.set(country.cca2, match);
    add(country.name.common, match);
    add(country.name.official, match);
  }
  for (const [alias, cca2] of COUNTRY_ALIASES) {
    const match = byCode.get(cca2);
    if (!match) throw new Error(`country alias "${alias}" names unknown ISO code ${cca2}`);
    add(alias, match);
  }
  for (const [name, region] of HISTORIC_COUNTRIES) add(name, { cca2: undefined, region });
  for (const country of countries) {
    const match = byCode.get(country.cca2)!;
    add(country.cca3, match);
    add(country.cca2, match);
    for (const spelling of country.altSpellings) add(spelling, match);
    for (const native of Object.values(country.name.native ?? {})) {
      add(native.common, match);
      add(native.official, match);
    }
  }
  table = built;
  return built;
}

/**
 * Resolves a country value to its country and region.
 *
 * Matching ignores case, surrounding and repeated space, accents, apostrophe style, `&`/`and`
 * and dots (see {@link normalizeCountryName}); a value with a trailing parenthesis that does not
 * match whole is tried again without it (`"Bouvet Island (Bouvetoya)"` → `"Bouvet Island"`).
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
  const key = normalizeCountryName(value);
  if (!key) return undefined;
  const lookup = regionTable();
  const match = lookup.get(key);
  if (match) return match;
  const withoutParenthesis = key.replace(/\s*\([^)]*\)$/, '');
  return withoutParenthesis && withoutParenthesis !== key ? lookup.get(withoutParenthesis) : undefined;
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
