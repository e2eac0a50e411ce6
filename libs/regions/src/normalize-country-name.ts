/**
 * Folds a country value to the key used for lookups, so that spellings that differ only in case,
 * white space, accents, punctuation (apostrophes, hyphens, dots, commas), `&` versus `and`, a
 * leading "The" or "St." versus "Saint" match.
 *
 * @param value - the raw country cell, e.g. `" Côte d’Ivoire "`.
 * @returns the folded key, e.g. `"cote d ivoire"`; an empty string for a blank value.
 * @example normalizeCountryName('Svalbard & Jan Mayen Islands') // 'svalbard and jan mayen islands'
 */
export function normalizeCountryName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/(^| )st( |$)/g, '$1saint$2');
}
