import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { lookupCountry, regionForCountry } from './region-lookup';

/** Legacy and long-form spellings that fake-data generators emit (Python Faker's `en` provider, as in the original sample files). */
const GENERATOR_SPELLINGS: Record<string, string> = {
  'Antarctica (the territory South of 60 deg S)': 'Antarctica',
  'Bouvet Island (Bouvetoya)': 'Antarctica',
  'British Indian Ocean Territory (Chagos Archipelago)': 'Africa',
  'British Virgin Islands': 'Caribbean',
  'Brunei Darussalam': 'Asia',
  'Cape Verde': 'Africa',
  'Cocos (Keeling) Islands': 'Oceania',
  "Cote d'Ivoire": 'Africa',
  'Czech Republic': 'Europe',
  'Falkland Islands (Malvinas)': 'South America',
  'Heard Island and McDonald Islands': 'Antarctica',
  'Holy See (Vatican City State)': 'Europe',
  Korea: 'Asia',
  'Kyrgyz Republic': 'Asia',
  "Lao People's Democratic Republic": 'Asia',
  'Libyan Arab Jamahiriya': 'Africa',
  Macao: 'Asia',
  Macedonia: 'Europe',
  Micronesia: 'Oceania',
  'Netherlands Antilles': 'Caribbean',
  'Palestinian Territory': 'Asia',
  'Pitcairn Islands': 'Oceania',
  Reunion: 'Africa',
  'Russian Federation': 'Europe',
  'Saint Barthelemy': 'Caribbean',
  'Saint Helena': 'Africa',
  'Saint Martin': 'Caribbean',
  'Slovakia (Slovak Republic)': 'Europe',
  'South Georgia and the South Sandwich Islands': 'Antarctica',
  'Svalbard & Jan Mayen Islands': 'Europe',
  Swaziland: 'Africa',
  'Syrian Arab Republic': 'Asia',
  'United States Minor Outlying Islands': 'North America',
  'United States of America': 'North America',
  'United States Virgin Islands': 'Caribbean',
  'Wallis and Futuna': 'Oceania',
  'Western Sahara': 'Africa',
};

describe('regionForCountry', () => {
  it('maps every ISO 3166-1 country and territory of the dataset by its common and official name', () => {
    const unmapped = countries.filter(
      (c) => regionForCountry(c.name.common) === 'Others' || regionForCountry(c.name.official) === 'Others',
    );
    expect(unmapped.map((c) => c.cca2)).toEqual([]);
    expect(countries.length).toBe(250);
  });

  it.each(Object.entries(GENERATOR_SPELLINGS))('maps the generator spelling %j to %s', (spelling, region) => {
    expect(regionForCountry(spelling)).toBe(region);
  });

  it.each([
    ['usa', 'North America'],
    [' United States ', 'North America'],
    ['UNITED KINGDOM', 'Europe'],
    ['UK', 'Europe'],
    ['Czechia', 'Europe'],
    ["Côte d'Ivoire", 'Africa'],
    ['côte d’ivoire', 'Africa'],
    ['Korea, Republic of', 'Asia'],
    ['Viet Nam', 'Asia'],
    ['Vietnam', 'Asia'],
    ['Curaçao', 'Caribbean'],
    ['Mexico', 'North America'],
    ['Guatemala', 'North America'],
    ['Jamaica', 'Caribbean'],
    ['Chile', 'South America'],
    ['Fiji', 'Oceania'],
    ['Deutschland', 'Europe'],
    ['DEU', 'Europe'],
    ['US', 'North America'],
    ['COTE D IVOIRE', 'Africa'],
    ['St. Lucia', 'Caribbean'],
    ['The Bahamas', 'Caribbean'],
    ['The Gambia', 'Africa'],
    ['Congo, Democratic Republic', 'Africa'],
    ['Guinea Bissau', 'Africa'],
  ])('ignores case, space, accents and apostrophe style: %j → %s', (value, region) => {
    expect(regionForCountry(value)).toBe(region);
  });

  it('takes the dataset’s side where references disagree: Cyprus in Europe, sub-Antarctic islands in Antarctica', () => {
    expect(regionForCountry('Cyprus')).toBe('Europe');
    expect(regionForCountry('Bouvet Island')).toBe('Antarctica');
    expect(regionForCountry('French Southern Territories')).toBe('Antarctica');
  });

  it.each(['Atlantis', '', '   ', '16 Rue X', 'N/A', 'NA', 'na', 'No', 'Ca', 'can', 'unknown'])(
    'gives Others for %j, which names no country',
    (value) => {
      expect(regionForCountry(value)).toBe('Others');
      expect(lookupCountry(value)).toBeUndefined();
    },
  );

  it('returns the ISO code of a match', () => {
    expect(lookupCountry('Slovakia (Slovak Republic)')).toEqual({ cca2: 'SK', region: 'Europe' });
    expect(lookupCountry('Netherlands Antilles')).toEqual({ cca2: undefined, region: 'Caribbean' });
  });
});
