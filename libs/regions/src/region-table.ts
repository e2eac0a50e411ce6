import countries from 'world-countries';
import {
  COUNTRY_ALIASES,
  FORMER_NAMES,
  HISTORIC_COUNTRIES,
  PARTS_OF_COUNTRIES,
  PLACES_OF_ONE_REGION,
  WORLD_BANK_NAMES,
} from './country-aliases';
import { RegionTableError } from './errors';
import { normalizeCountryName } from './normalize-country-name';
import type { Region } from './region';
import { regionOfSubregion } from './region-of-subregion';

/** A country value resolved against the region table. */
export interface CountryMatch {
  /** ISO 3166-1 alpha-2 code, e.g. `"CI"`; undefined for a historic country (ISO 3166-3) or a translated name that several countries of one region share. */
  readonly cca2: string | undefined;
  /** The region of the country. */
  readonly region: Region;
}

/** Folded name (see {@link normalizeCountryName}) → country. */
type NameTable = Map<string, CountryMatch>;

/** Each country's match, by ISO 3166-1 alpha-2 code. */
function matchesByCode(): Map<string, CountryMatch> {
  const byCode = new Map<string, CountryMatch>();
  for (const country of countries)
    byCode.set(country.cca2, { cca2: country.cca2, region: regionOfSubregion(country.region, country.subregion) });
  return byCode;
}

/** A country's match in its own code table. @throws RegionTableError when the table lacks it. */
function matchOf(byCode: ReadonlyMap<string, CountryMatch>, cca2: string): CountryMatch {
  const match = byCode.get(cca2);
  if (!match) throw new RegionTableError(`country ${cca2} is missing from its own code table`);
  return match;
}

/** Adds a name unless its key is taken: sources added first win. */
function addName(table: NameTable, name: string, match: CountryMatch): void {
  const key = normalizeCountryName(name);
  if (key && !table.has(key)) table.set(key, match);
}

/** Adds a list of `[name, cca2]` pairs. @throws RegionTableError for a code the dataset lacks. */
function addNamedCodes(
  table: NameTable,
  byCode: ReadonlyMap<string, CountryMatch>,
  names: ReadonlyArray<readonly [string, string]>,
): void {
  for (const [name, cca2] of names) {
    const match = byCode.get(cca2);
    if (!match) throw new RegionTableError(`country name "${name}" names unknown ISO code ${cca2}`);
    addName(table, name, match);
  }
}

/** Every ISO code the dataset carries (alpha-2, alpha-3, IOC): such spellings are left to the code table. */
const ISO_CODES = new Set(countries.flatMap((country) => [country.cca2, country.cca3, country.cioc]));

/** The dataset's alternative spellings (not its ISO codes, matched in upper case only) and native names. */
function addSpellingsAndNativeNames(table: NameTable, byCode: ReadonlyMap<string, CountryMatch>): void {
  for (const country of countries) {
    const match = matchOf(byCode, country.cca2);
    for (const spelling of country.altSpellings) if (!ISO_CODES.has(spelling)) addName(table, spelling, match);
    for (const native of Object.values(country.name.native ?? {})) {
      addName(table, native.common, match);
      addName(table, native.official, match);
    }
  }
}

/**
 * Adds the short forms people write of a long common name: without a trailing "Islands"
 * when two words or more remain (`"Turks and Caicos"`, `"Northern Mariana"`; not `"Cook"`, `"Marshall"`
 * or `"Solomon"`, which are names: `"Cayman"`, `"Faroe"` are aliases), and the part before "and" (`"Antigua"`, `"Saint Kitts"`,
 * `"Trinidad"`, `"São Tomé"`) of a name that does not end in "Islands". Added last, so a short form
 * that is another country's name ("Guinea" of "Guinea-Bissau" is not derived; "Saint Helena") keeps
 * that country.
 */
function addShortNames(table: NameTable, byCode: ReadonlyMap<string, CountryMatch>): void {
  for (const country of countries) {
    const match = matchOf(byCode, country.cca2);
    const name = country.name.common;
    const withoutIslands = name.replace(/ Islands$/, '');
    if (withoutIslands !== name) {
      if (withoutIslands.includes(' ')) addName(table, withoutIslands, match);
    } else addName(table, name.split(/,| and | & /)[0] ?? name, match);
  }
}

/**
 * Builds the table of the dataset's names in its 23 translation languages (`Allemagne`,
 * `Estados Unidos`), apart from the name table, because it costs most of the build (about 60 ms)
 * and most files never need it: names `names` holds are left out, as the name table wins. The
 * translations hold a few slips (one Hungarian name for both Tajikistan and Tanzania): a name
 * several countries claim is added only where they share a region, without a country code
 * (`Kongo` → Africa), and is otherwise left out rather than guessed.
 *
 * @param names - the name table ({@link buildRegionTable}).
 * @returns folded translated name → country, the names `names` lacks.
 */
export function buildTranslationTable(names: ReadonlyMap<string, CountryMatch>): NameTable {
  const byCode = matchesByCode();
  const table: NameTable = new Map();
  const claims = new Map<string, Set<string>>();
  for (const country of countries)
    for (const translation of Object.values(country.translations))
      for (const name of [translation.common, translation.official]) {
        const key = normalizeCountryName(name);
        if (key) claims.set(key, (claims.get(key) ?? new Set()).add(country.cca2));
      }
  for (const [key, codes] of claims) {
    const matches = [...codes].flatMap((cca2) => byCode.get(cca2) ?? []);
    const regions = new Set(matches.map((match) => match.region));
    const [only] = matches;
    if (names.has(key) || !only || regions.size !== 1) continue;
    table.set(key, matches.length === 1 ? only : { cca2: undefined, region: only.region });
  }
  return table;
}

/**
 * Builds the name table: every ISO 3166-1 country and territory of the `world-countries` dataset
 * (mledoze/countries, ODbL-1.0; regions and subregions follow the UN M49 geoscheme) under its
 * common and official English names; then medallion's aliases ({@link COUNTRY_ALIASES}), the World
 * Bank's names, former names, parts of countries, historic countries and places of one region;
 * then the dataset's spellings and native names, then short forms ({@link addShortNames});
 * translations are apart ({@link buildTranslationTable}). A name already taken keeps its first country:
 * English names win a collision.
 *
 * @returns folded name → country, about 1,200 names.
 * @throws RegionTableError when the alias lists name a code the dataset does not have.
 */
export function buildRegionTable(): NameTable {
  const byCode = matchesByCode();
  const table: NameTable = new Map();
  for (const country of countries) {
    const match = matchOf(byCode, country.cca2);
    addName(table, country.name.common, match);
    addName(table, country.name.official, match);
  }
  addNamedCodes(table, byCode, COUNTRY_ALIASES);
  addNamedCodes(table, byCode, WORLD_BANK_NAMES);
  addNamedCodes(table, byCode, FORMER_NAMES);
  addNamedCodes(table, byCode, PARTS_OF_COUNTRIES);
  for (const [name, region] of [...HISTORIC_COUNTRIES, ...PLACES_OF_ONE_REGION])
    addName(table, name, { cca2: undefined, region });
  addSpellingsAndNativeNames(table, byCode);
  addShortNames(table, byCode);
  return table;
}

/**
 * Builds the code table: ISO 3166-1 alpha-2 and alpha-3 codes, matched only when written in upper
 * case and alone (`US`, `DEU`), so that words such as "No", "Ca" or "can" never match. `NA`
 * (Namibia) is left out: in a country column it almost always means "not available".
 *
 * @returns code → country, 499 codes.
 */
export function buildIsoCodeTable(): Map<string, CountryMatch> {
  const table = new Map<string, CountryMatch>();
  for (const [cca2, match] of matchesByCode()) if (cca2 !== 'NA') table.set(cca2, match);
  for (const country of countries) {
    const match = { cca2: country.cca2, region: regionOfSubregion(country.region, country.subregion) };
    table.set(country.cca3, match);
  }
  return table;
}
