import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import {
  COUNTRY_ALIASES,
  FORMER_NAMES,
  PARTS_OF_COUNTRIES,
  PLACES_OF_ONE_REGION,
  WORLD_BANK_NAMES,
} from './country-aliases';
import { lookupCountry, regionForCountry } from './region-lookup';
import { TERRITORY_SOVEREIGNS } from './territory-sovereigns';

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

describe('lookupCountry over the maintained name lists', () => {
  it.each([...COUNTRY_ALIASES, ...WORLD_BANK_NAMES, ...FORMER_NAMES, ...PARTS_OF_COUNTRIES])(
    'maps %j to %s',
    (name, cca2) => {
      expect(lookupCountry(name)?.cca2).toBe(cca2);
    },
  );

  it('maps every translated common name of the dataset to its country, unless another country claims it', () => {
    const claimed = new Map<string, Set<string>>();
    for (const country of countries)
      for (const translation of Object.values(country.translations))
        claimed.set(translation.common, (claimed.get(translation.common) ?? new Set()).add(country.cca2));
    const wrong = countries.flatMap((country) =>
      Object.entries(country.translations)
        .filter(([, translation]) => claimed.get(translation.common)?.size === 1)
        .filter(
          ([, translation]) => lookupCountry(translation.common)?.region !== regionForCountry(country.name.common),
        )
        .map(([language, translation]) => `${country.cca2} ${language} ${translation.common}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Allemagne', 'DE'],
    ['Estados Unidos', 'US'],
    ['Vereinigtes Königreich', 'GB'],
    ['Pays-Bas', 'NL'],
    ['Россия', 'RU'],
    ['日本', 'JP'],
    ['Holy See', 'VA'],
    ['DRC', 'CD'],
    ['Congo, Dem. Rep.', 'CD'],
    ['Korea, South', 'KR'],
    ['Gambia, The', 'GM'],
    ['Virgin Islands, British', 'VG'],
    ['Micronesia, Federated States of', 'FM'],
    ['Cote dIvoire', 'CI'],
    ['U.S. Virgin Islands', 'VI'],
    ['Ceylon', 'LK'],
  ])('maps %j to %s (translations, abbreviations, index order, former names)', (value, cca2) => {
    expect(lookupCountry(value)?.cca2).toBe(cca2);
  });

  it('leaves out a translated name two regions claim, and keeps one region for a name its countries share', () => {
    // Hungarian gives "Tadzsikisztán" for both Tajikistan (Asia) and Tanzania (Africa): no guess.
    expect(lookupCountry('Tadzsikisztán')).toBeUndefined();
    // "Kongo" is both Congos in several languages: both are in Africa.
    expect(lookupCountry('Kongo')).toEqual({ cca2: undefined, region: 'Africa' });
    // English names win: "Guyana" is Guyana, though one translation gives it to French Guiana.
    expect(lookupCountry('Guyana')?.cca2).toBe('GY');
  });
});

describe('lookupCountry of a value naming several places', () => {
  it.each([
    ['Netherlands (Caribbean)', 'BQ', 'Caribbean'],
    ['Denmark (Greenland)', 'GL', 'North America'],
    ['Greenland (Denmark)', 'GL', 'North America'],
    ['France (Guadeloupe)', 'GP', 'Caribbean'],
    ['Puerto Rico, USA', 'PR', 'Caribbean'],
    ['Hong Kong, China', 'HK', 'Asia'],
    ['Congo (Kinshasa)', 'CD', 'Africa'],
    ['Korea (South)', 'KR', 'Asia'],
    ['Iran (Islamic Republic of)', 'IR', 'Asia'],
    ['London, UK', 'GB', 'Europe'],
    ['Paris, France', 'FR', 'Europe'],
    ['London, England, UK', 'GB', 'Europe'],
    ['Slovakia (Slovak Republic)', 'SK', 'Europe'],
    ['Germany (West)', 'DE', 'Europe'],
    ['Virgin Islands (USA)', 'VI', 'Caribbean'],
    // A city before a territory and its sovereign in parentheses.
    ['Nuuk, Greenland (Denmark)', 'GL', 'North America'],
    ['Hamilton, Bermuda (UK)', 'BM', 'North America'],
  ])('reads %j as %s in %s', (value, cca2, region) => {
    expect(lookupCountry(value)).toEqual({ cca2, region });
  });

  it.each([
    // Two independent countries: the US state or the country? No guess.
    'Georgia (USA)',
    'Georgia, USA, Georgia',
    // A qualifier that names no place: not dropped to read "Germany".
    'Germany (North)',
    'Germany (1)',
    // A territory beside a country that is not its sovereign: a city named like it, or a former sovereign?
    'Man, Ivory Coast',
    'Guadalupe, Mexico',
    'Hong Kong, UK',
    'Saint Martin, Netherlands',
    // Georgia is also a US state: in a value of several places it is a guess, in any language.
    'Atlanta, Georgia',
    'Atlanta, Géorgie',
    'Savannah (Georgia)',
    'Tbilisi, Georgia',
    // A city after its country is not the address convention.
    'UK, London',
    // Two capitals in a part are a state or province as often as an ISO code (GA is Gabon).
    'Atlanta, GA',
  ])('leaves %j unknown, to be counted in Others', (value) => {
    expect(lookupCountry(value)).toBeUndefined();
    expect(regionForCountry(value)).toBe('Others');
  });
});

describe('lookupCountry of short forms and places without an entry of their own', () => {
  it.each([
    ['St Kitts', 'KN'],
    ['Antigua', 'AG'],
    ['Trinidad', 'TT'],
    ['Sao Tome', 'ST'],
    ['Turks and Caicos', 'TC'],
    ['Cayman', 'KY'],
    ['Saint Vincent', 'VC'],
    ['Falklands', 'FK'],
    ['USVI', 'VI'],
    ['S. Korea', 'KR'],
    ['N. Korea', 'KP'],
    ['P.R. China', 'CN'],
    ['Kirghizia', 'KG'],
    ['Byelorussia', 'BY'],
    ['West Germany', 'DE'],
    ['Canary Islands', 'ES'],
    ['Azores', 'PT'],
    ['Easter Island', 'CL'],
  ])('maps %j to %s', (value, cca2) => {
    expect(lookupCountry(value)?.cca2).toBe(cca2);
  });

  it('keeps a short form off words that name something else', () => {
    expect(lookupCountry('Christmas')).toBeUndefined();
    expect(lookupCountry('Cook')).toBeUndefined();
    expect(lookupCountry('Marshall')).toBeUndefined();
    expect(lookupCountry('Solomon')).toBeUndefined();
    expect(lookupCountry('Guinea')?.cca2).toBe('GN');
  });

  it('knows the sovereign of every dependent territory of the dataset but the disputed ones and Antarctica', () => {
    const dependent = countries.filter((country) => !country.independent).map((country) => country.cca2);
    expect(dependent.filter((cca2) => !(cca2 in TERRITORY_SOVEREIGNS)).sort()).toEqual(['AQ', 'EH', 'PS', 'TW', 'XK']);
    const independent = new Set(countries.filter((country) => country.independent).map((country) => country.cca2));
    expect(
      Object.entries(TERRITORY_SOVEREIGNS).filter(
        ([territory, state]) => !dependent.includes(territory) || !independent.has(state),
      ),
    ).toEqual([]);
  });

  it.each(PLACES_OF_ONE_REGION)('maps %j to %s without a country code', (name, region) => {
    expect(lookupCountry(name)).toEqual({ cca2: undefined, region });
  });
});
