import countries from 'world-countries';
import { COUNTRY_ALIASES, HISTORIC_COUNTRIES } from './country-aliases';
import { normalizeCountryName } from './normalize-country-name';
import { UNKNOWN_REGION, type Region } from './region';
import { regionOfSubregion } from './region-of-subregion';
import { RegionTableError } from './errors';

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
 * common and official English names, native names and alternative spellings; then {@link COUNTRY_ALIASES} and {@link HISTORIC_COUNTRIES}. English names win a
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
    if (!match) throw new RegionTableError(`country alias "${alias}" names unknown ISO code ${cca2}`);
    add(alias, match);
  }
  for (const [name, region] of HISTORIC_COUNTRIES) add(name, { cca2: undefined, region });
  for (const country of countries) {
    const match = byCode.get(country.cca2);
    if (!match) throw new RegionTableError(`country ${country.cca2} is missing from its own code table`);
    // Codes are matched separately, upper case only (see isoCodeTable): folded, "no" or "ca" would match.
    for (const spelling of country.altSpellings) if (!/^[A-Z]{2,3}$/.test(spelling)) add(spelling, match);
    for (const native of Object.values(country.name.native ?? {})) {
      add(native.common, match);
      add(native.official, match);
    }
  }
  table = built;
  return built;
}

let codes: Map<string, CountryMatch> | undefined;

/**
 * ISO 3166-1 alpha-2 and alpha-3 codes, matched only when written in upper case and alone
 * (`US`, `DEU`), so that words such as "No", "Ca" or "can" never match. `NA` (Namibia) is left out:
 * in a country column it almost always means "not available".
 */
function isoCodeTable(): Map<string, CountryMatch> {
  if (codes) return codes;
  const built = new Map<string, CountryMatch>();
  for (const country of countries) {
    const match = { cca2: country.cca2, region: regionOfSubregion(country.region, country.subregion) };
    if (country.cca2 !== 'NA') built.set(country.cca2, match);
    built.set(country.cca3, match);
  }
  codes = built;
  return built;
}

/**
 * Resolves a country value to its country and region.
 *
 * Matching ignores case, space, accents, punctuation, `&`/`and`, a leading "The" and "St."/"Saint"
 * (see {@link normalizeCountryName}); a value with a trailing parenthesis that does not match whole
 * is tried again without it (`"Bouvet Island (Bouvetoya)"` → `"Bouvet Island"`). ISO 3166-1 codes
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
    const byCode = isoCodeTable().get(trimmed);
    if (byCode) return byCode;
  }
  const key = normalizeCountryName(trimmed);
  if (!key) return undefined;
  const lookup = regionTable();
  const match = lookup.get(key);
  if (match) return match;
  const withoutParenthesis = normalizeCountryName(trimmed.replace(/\s*\([^)]*\)$/, ''));
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
