import { normalizeCountryName } from './normalize-country-name';
import { UNKNOWN_REGION, type Region } from './region';
import { NAMES_SHARED_WITH_A_SUBDIVISION, TERRITORY_SOVEREIGNS } from './territory-sovereigns';
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
 * (see {@link normalizeCountryName}). A value that does not match whole and has a trailing
 * parenthesis or commas is read as the places it names (`"Korea, South"`, `"London, UK"`,
 * `"France (Guadeloupe)"` → Guadeloupe), and stays unknown where that would be a guess
 * (`"Georgia (USA)"`). ISO 3166-1 codes
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
  const whole = lookupName(trimmed);
  if (whole || !trimmed) return whole;
  const parenthesis = /^(.*?)\s*\(([^()]*)\)$/.exec(trimmed);
  if (parenthesis) {
    const [, before = '', inside = ''] = parenthesis;
    // "Nuuk, Greenland (Denmark)": the part before the parenthesis may name places itself.
    return lookupTwoNames(before, inside) ?? lookupPlaces([...before.split(',').map((part) => part.trim()), inside]);
  }
  const parts = trimmed.split(',').map((part) => part.trim());
  if (parts.length === 2) return lookupTwoPlaces(parts[0] ?? '', parts[1] ?? '');
  return parts.length > 2 ? lookupPlaces(parts) : undefined;
}

/**
 * One name as written, no readings of its parts. Not an ISO code: in a part, two capitals are as
 * often a US state or a province (`"Atlanta, GA"` is not Gabon), so codes match only a whole value.
 */
function lookupName(text: string): CountryMatch | undefined {
  const key = normalizeCountryName(text);
  return key ? lookupKey(key) : undefined;
}

/** A folded name in the name table, else in the translations (each built on first need, not at import, to keep Lambda cold starts short). */
function lookupKey(key: string): CountryMatch | undefined {
  const names = (table ??= buildRegionTable());
  return names.get(key) ?? (translations ??= buildTranslationTable(names)).get(key);
}

/**
 * A value of two parts, `"first (second)"` or `"first, second"`: first as one name in either order
 * (`"Korea, South"` → South Korea, `"Netherlands (Caribbean)"` → Caribbean Netherlands,
 * `"Congo (Kinshasa)"` → Congo-Kinshasa), else each part as a place ({@link lookupPlaces}).
 */
function lookupTwoPlaces(first: string, second: string): CountryMatch | undefined {
  return lookupTwoNames(first, second) ?? lookupPlaces([first, second]);
}

/** Two parts read as one name, in either order (`"South Korea"`, `"Congo Kinshasa"`). */
function lookupTwoNames(first: string, second: string): CountryMatch | undefined {
  return lookupName(`${second} ${first}`) ?? lookupName(`${first} ${second}`);
}

/**
 * A value that names several places (`"London, UK"`, `"France (Guadeloupe)"`, `"Georgia (USA)"`):
 * each part is looked up alone. The value resolves only when its last part names a place (a city
 * before its country, `"London, UK"`; not `"UK, London"`), no part is a country name that is also
 * a subdivision's elsewhere (Georgia in any language: `"Atlanta, Georgia"`, `"Atlanta, Géorgie"`),
 * and the parts name one country; or one dependent territory and its sovereign (`"Denmark
 * (Greenland)"` → Greenland, `"Hong Kong, China"` → Hong Kong, `"Nuuk, Greenland (Denmark)"`). A
 * territory beside another country (`"Man, Ivory Coast"`: a city named like it? `"Hong Kong, UK"`: a
 * former sovereign?), two independent countries (`"Georgia (USA)"`) or an unknown qualifier
 * (`"Germany (North)"`) are a guess, so the value stays unknown and is counted in Others.
 */
function lookupPlaces(parts: readonly string[]): CountryMatch | undefined {
  const matches = parts.map(lookupName);
  if (!matches.at(-1)) return undefined;
  if (matches.some((match) => match?.cca2 !== undefined && NAMES_SHARED_WITH_A_SUBDIVISION.has(match.cca2)))
    return undefined;
  const named = [...new Map(matches.flatMap((match) => (match ? [[match.cca2 ?? match.region, match]] : []))).values()];
  if (named.length === 1) return named[0];
  const territories = named.filter((match) => match.cca2 !== undefined && match.cca2 in TERRITORY_SOVEREIGNS);
  const [territory] = territories;
  const [country, ...more] = named.filter((match) => !territories.includes(match));
  if (territories.length !== 1 || territory === undefined || country === undefined || more.length > 0) return undefined;
  return TERRITORY_SOVEREIGNS[territory.cca2 ?? ''] === country.cca2 ? territory : undefined;
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
