import countries from 'world-countries';

/** Header of the original sample files' schema (datablist's customers-*.csv). */
export const DATABLIST_HEADER = [
  'Index',
  'Customer Id',
  'First Name',
  'Last Name',
  'Company',
  'City',
  'Country',
  'Phone 1',
  'Phone 2',
  'Email',
  'Subscription Date',
  'Website',
] as const;

const FIRST = [
  'Sheryl',
  'Preston',
  'Roy',
  'Linda',
  'Joanna',
  'Aimee',
  'Darren',
  'Brett',
  'Sheryl',
  'Michelle',
  'Steve',
  'Mitchell',
  'Clifford',
  'Ana',
  'Kofi',
  'Mei',
  'Omar',
  'Ines',
];
const LAST = [
  'Baxter',
  'Lozano',
  'Berry',
  'Olsen',
  'Bender',
  'Mcmillan',
  'Peck',
  'Mullen',
  'Meza',
  'Mason',
  'Woods',
  'Pugh',
  'Nguyen',
  'Okafor',
  'Silva',
  'Tanaka',
  'Haddad',
  'Larsen',
];
const WORDS = ['Group', 'LLC', 'Ltd', 'and Sons', 'Inc', 'PLC', 'Partners'];
const CITY = [
  'East Leonard',
  'Isabelborough',
  'Bensonview',
  'West Priscilla',
  'Lake Reginald',
  'North Gwendolyn',
  'Port Jessica',
  'Kimberlymouth',
];
/** Legacy spellings that fake-data generators emit, mixed in as the original samples have them. */
const LEGACY = [
  'Slovakia (Slovak Republic)',
  'Libyan Arab Jamahiriya',
  'Holy See (Vatican City State)',
  'Svalbard & Jan Mayen Islands',
  'Korea',
  'United States of America',
  "Cote d'Ivoire",
];
const COUNTRY_NAMES = [...countries.map((c) => c.name.common), ...LEGACY];
const ALPHANUMERIC = '0123456789abcdefABCDEF';

/** A small deterministic PRNG (mulberry32): the same seed gives the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates customer rows in the original sample files' schema, deterministically: about 180
 * bytes a row, Customer Ids of 15 hex-like characters (unique with overwhelming odds), countries
 * spread over every ISO country plus legacy generator spellings, a comma inside some company names.
 *
 * @param rows - number of data rows.
 * @param seed - PRNG seed. @default 42
 * @returns the header, then `rows` rows, each an array of 12 fields.
 */
export function* generateCustomerRows(rows: number, seed = 42): Generator<string[]> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => {
    const picked = list[Math.floor(next() * list.length)];
    if (picked === undefined) throw new RangeError('pick needs a non-empty list');
    return picked;
  };
  yield [...DATABLIST_HEADER];
  for (let index = 1; index <= rows; index++) {
    let id = '';
    for (let i = 0; i < 15; i++) id += pick(ALPHANUMERIC.split(''));
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = next() < 0.2 ? `${pick(LAST)}, ${pick(LAST)} and ${pick(LAST)}` : `${pick(LAST)} ${pick(WORDS)}`;
    const phone = () =>
      `${100 + Math.floor(next() * 900)}-${100 + Math.floor(next() * 900)}-${1000 + Math.floor(next() * 9000)}x${Math.floor(next() * 9999)}`;
    const date = `20${20 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const domain = `${pick(LAST).toLowerCase()}-${pick(LAST).toLowerCase()}.com`;
    yield [
      String(index),
      id,
      first,
      last,
      company,
      pick(CITY),
      pick(COUNTRY_NAMES),
      phone(),
      phone(),
      `${first.toLowerCase()}.${last.toLowerCase()}${index}@${domain}`,
      date,
      `http://www.${domain}/`,
    ];
  }
}
