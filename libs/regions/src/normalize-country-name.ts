/**
 * Folds a country value to the key used for lookups, so that spellings that differ only in case,
 * surrounding or repeated white space, accents, apostrophe style, `&` versus `and`, or dots match.
 *
 * @param value - the raw country cell, e.g. `" Côte d’Ivoire "`.
 * @returns the folded key, e.g. `"cote d'ivoire"`; an empty string for a blank value.
 * @example normalizeCountryName('Svalbard & Jan Mayen Islands') // 'svalbard and jan mayen islands'
 */
export function normalizeCountryName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
