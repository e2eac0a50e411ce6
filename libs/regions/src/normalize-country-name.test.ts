import { describe, expect, it } from 'vitest';
import { normalizeCountryName } from './normalize-country-name';

describe('normalizeCountryName', () => {
  it.each([
    ['  Côte d’Ivoire ', 'cote d ivoire'],
    ["COTE D'IVOIRE", 'cote d ivoire'],
    ['Svalbard & Jan Mayen Islands', 'svalbard and jan mayen islands'],
    ['U.S.A.', 'u s a'],
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
