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

/** The status column the generator adds (the original README's name for it), last in the header. */
export const STATUS_COLUMN = 'Subscription Status';

/** Status values and their weights: about 58% count as subscribed (Active, Subscribed, Yes). */
const STATUSES: ReadonlyArray<readonly [status: string, weight: number]> = [
  ['Active', 0.45],
  ['Inactive', 0.25],
  ['Subscribed', 0.08],
  ['Cancelled', 0.12],
  ['Yes', 0.05],
  ['Unsubscribed', 0.05],
];

/** What {@link generateCustomerRows} writes besides the sample schema. */
export interface CustomerRowOptions {
  /** Add a `Subscription Status` column (last), drawn from its own PRNG so the other columns do not change. @default true */
  readonly status?: boolean;
}

/** Draws a status by weight. */
function drawStatus(next: () => number): string {
  let draw = next();
  for (const [status, weight] of STATUSES) {
    draw -= weight;
    if (draw < 0) return status;
  }
  return 'Active';
}

/** Picks one element of a non-empty list with the PRNG. */
function picker(next: () => number): <T>(list: readonly T[]) => T {
  return (list) => {
    const picked = list[Math.floor(next() * list.length)];
    if (picked === undefined) throw new RangeError('pick needs a non-empty list');
    return picked;
  };
}

/** One row of the sample schema (12 fields), its values drawn with `next`. */
function sampleRow(index: number, next: () => number): string[] {
  const pick = picker(next);
  let id = '';
  for (let i = 0; i < 15; i++) id += pick(ALPHANUMERIC.split(''));
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = next() < 0.2 ? `${pick(LAST)}, ${pick(LAST)} and ${pick(LAST)}` : `${pick(LAST)} ${pick(WORDS)}`;
  const phone = () =>
    `${100 + Math.floor(next() * 900)}-${100 + Math.floor(next() * 900)}-${1000 + Math.floor(next() * 9000)}x${Math.floor(next() * 9999)}`;
  const date = `20${20 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const domain = `${pick(LAST).toLowerCase()}-${pick(LAST).toLowerCase()}.com`;
  return [
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

/**
 * Generates customer rows in the original sample files' schema, deterministically: about 193
 * bytes a row, Customer Ids of 15 hex-like characters (unique with overwhelming odds), countries
 * spread over every ISO country plus legacy generator spellings, a comma inside some company names,
 * and (unless `status: false`) a `Subscription Status` column, about 58% subscribed. Without a status
 * column silver counts every customer as subscribed, and every rate is 100.0.
 *
 * @param rows - number of data rows.
 * @param seed - PRNG seed. @default 42
 * @param options - see {@link CustomerRowOptions}.
 * @returns the header, then `rows` rows, each an array of 13 fields (12 without status).
 */
export function* generateCustomerRows(rows: number, seed = 42, options: CustomerRowOptions = {}): Generator<string[]> {
  const status = options.status ?? true;
  const next = random(seed);
  const nextStatus = random(seed ^ 0x5bd1e995);
  yield status ? [...DATABLIST_HEADER, STATUS_COLUMN] : [...DATABLIST_HEADER];
  for (let index = 1; index <= rows; index++) {
    const row = sampleRow(index, next);
    if (status) row.push(drawStatus(nextStatus));
    yield row;
  }
}
