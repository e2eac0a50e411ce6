/**
 * Folds a country value to the key used for lookups, so that spellings that differ only in case,
 * white space, accents, punctuation (apostrophes, hyphens, dots, commas), `&` versus `and`, a
 * leading "The", "St." versus "Saint", letters spelled with dots (`U.S.A.`, `U.S.`) or an elided
 * `d'`/`l'` (`Côte d'Ivoire`, `Cote dIvoire`, `COTE D IVOIRE`) match.
 *
 * @param value - the raw country cell, e.g. `" Côte d’Ivoire "`.
 * @returns the folded key, e.g. `"cote divoire"`; an empty string for a blank value.
 * @example normalizeCountryName('Svalbard & Jan Mayen Islands') // 'svalbard and jan mayen islands'
 */
export function normalizeCountryName(value: string): string {
  const folded = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/(^| )st( |$)/g, '$1saint$2');
  return joinSingleLetters(folded.split(' ')).join(' ');
}

/** Joins runs of one-letter words (`u s a` → `usa`), and an elided `d` or `l` with the word after it (`d ivoire` → `divoire`). */
function joinSingleLetters(words: readonly string[]): string[] {
  const joined: string[] = [];
  let letters = '';
  for (const word of words) {
    if (word.length === 1) letters += word;
    else if (letters === 'd' || letters === 'l') {
      joined.push(letters + word);
      letters = '';
    } else {
      if (letters) joined.push(letters);
      joined.push(word);
      letters = '';
    }
  }
  if (letters) joined.push(letters);
  return joined;
}
