import { describe, expect, it } from 'vitest';
import { regionOfSubregion } from './region-of-subregion';

describe('regionOfSubregion', () => {
  it.each([
    ['Americas', 'Caribbean', 'Caribbean'],
    ['Americas', 'Central America', 'North America'],
    ['Americas', 'North America', 'North America'],
    ['Americas', 'South America', 'South America'],
    ['Antarctic', '', 'Antarctica'],
    ['Europe', 'Southern Europe', 'Europe'],
    ['Oceania', 'Polynesia', 'Oceania'],
  ])('%s / %s → %s', (region, subregion, expected) => {
    expect(regionOfSubregion(region, subregion)).toBe(expected);
  });

  it('throws on a vocabulary it does not know, naming it', () => {
    expect(() => regionOfSubregion('Atlantis', 'Deep')).toThrow(
      'world-countries region "Atlantis/Deep" has no medallion region',
    );
  });
});
