import { describe, expect, it } from 'vitest';
import { normalizeCountryName } from './normalize-country-name';

describe('normalizeCountryName', () => {
  it.each([
    ['  Côte d’Ivoire ', 'cote divoire'],
    ["COTE D'IVOIRE", 'cote divoire'],
    ['COTE D IVOIRE', 'cote divoire'],
    ['Cote dIvoire', 'cote divoire'],
    ['Svalbard & Jan Mayen Islands', 'svalbard and jan mayen islands'],
    ['U.S.A.', 'usa'],
    ['U.S. Virgin Islands', 'us virgin islands'],
    ['E. Timor', 'e timor'],
    ['Dem. Rep. Congo', 'dem rep congo'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['The Bahamas', 'bahamas'],
    ['St. Lucia', 'saint lucia'],
    ['Korea, Republic of', 'korea republic of'],
    ['São\tTomé  and Príncipe', 'sao tome and principe'],
    ['\t', ''],
  ])('%j → %j', (value, key) => {
    expect(normalizeCountryName(value)).toBe(key);
  });
});
