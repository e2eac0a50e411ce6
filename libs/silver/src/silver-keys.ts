import { SILVER_CUSTOMERS_PREFIX, SILVER_MANIFEST_PREFIX } from '@medallion/schemas';
import { NotABronzeKeyError } from './errors';

/** The object keys silver derives from one bronze key. */
export interface SilverKeys {
  /** `silver/<path>.csv`: the enriched table. */
  readonly silver: string;
  /** `silver-customers/<path>.parquet`: each Customer ID's latest record in the file (written when the file is processed). */
  readonly customers: string;
  /** `quarantine/<path>.csv`: rows silver could not accept (written only when there are some). */
  readonly quarantine: string;
  /** `quarantine/<path>.error.json`: the record of a rejected file. */
  readonly rejection: string;
  /** `silver/_manifests/<path>.csv.json`: silver's commit record for this bronze object. */
  readonly manifest: string;
}

/**
 * Derives silver's output keys from a decoded bronze key: `bronze/<path>` gives `silver/<path>` and
 * `quarantine/<path>` (the path whole), and `silver-customers/<stem>.parquet` and
 * `quarantine/<stem>.error.json`, where the stem is the path without a final lower-case `.csv`. The
 * stem keeps the path whole when its extension is in another case (`x.CSV`, a different S3 object
 * from `x.csv`) or when stripping would leave another `.csv` extension (`x.CSV.csv`), so that no two
 * bronze keys share an output: `x.csv` → `x`, `x.CSV` → `x.CSV`, `x.CSV.csv` → `x.CSV.csv`.
 *
 * @param bronzeKey - e.g. `bronze/2026/customers 1.csv`; its name must end in `.csv` in any case.
 * @param inputPrefix - e.g. `bronze/`.
 * @returns e.g. `{ silver: 'silver/2026/customers 1.csv', customers: 'silver-customers/2026/customers 1.parquet', quarantine: 'quarantine/2026/customers 1.csv',
 *   rejection: 'quarantine/2026/customers 1.error.json', manifest: 'silver/_manifests/2026/customers 1.csv.json' }`.
 * @throws NotABronzeKeyError when the key is not under the input prefix, or its name does not end in `.csv` (any case).
 */
export function silverKeysFor(bronzeKey: string, inputPrefix: string): SilverKeys {
  if (!bronzeKey.startsWith(inputPrefix)) throw new NotABronzeKeyError(bronzeKey, `is outside ${inputPrefix}`);
  const path = bronzeKey.slice(inputPrefix.length);
  if (!CSV_NAME.test(path)) throw new NotABronzeKeyError(bronzeKey, 'is not a .csv object');
  const stripped = path.slice(0, -'.csv'.length);
  const stem = path.endsWith('.csv') && !CSV_NAME.test(stripped) ? stripped : path;
  return {
    silver: `silver/${path}`,
    customers: `${SILVER_CUSTOMERS_PREFIX}${stem}.parquet`,
    quarantine: `quarantine/${path}`,
    rejection: `quarantine/${stem}.error.json`,
    manifest: `${SILVER_MANIFEST_PREFIX}${path}.json`,
  };
}

/** A name that ends in `.csv` in any case. */
const CSV_NAME = /\.csv$/i;

/**
 * The longest of the keys silver derives from a bronze key, in bytes of UTF-8.
 *
 * @param keys - see {@link silverKeysFor}.
 * @returns e.g. 1,026 for a bronze key of 1,010 bytes (its manifest key adds `silver/_manifests/` and `.json`).
 */
export function longestDerivedKeyBytes(keys: SilverKeys): number {
  return Math.max(...Object.values(keys).map((key: string) => Buffer.byteLength(key, 'utf8')));
}
