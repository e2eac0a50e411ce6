import { SILVER_CUSTOMERS_PREFIX, SILVER_MANIFEST_PREFIX } from '@medallion/schemas';

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
 * Derives silver's output keys from a decoded bronze key: `bronze/<path>.csv` gives
 * `silver/<path>.csv`, `silver-customers/<path>.parquet`, `quarantine/<path>.csv` and
 * `quarantine/<path>.error.json`. An extension in
 * another case (`.CSV`) is kept as written in every output key, so that `x.csv` and `x.CSV`, which
 * are two objects in S3, never share an output.
 *
 * @param bronzeKey - e.g. `bronze/2026/customers 1.csv`.
 * @param inputPrefix - e.g. `bronze/`.
 * @returns e.g. `{ silver: 'silver/2026/customers 1.csv', customers: 'silver-customers/2026/customers 1.parquet', quarantine: 'quarantine/2026/customers 1.csv',
 *   rejection: 'quarantine/2026/customers 1.error.json', manifest: 'silver/_manifests/2026/customers 1.csv.json' }`.
 * @throws Error when the key is not under the input prefix.
 */
export function silverKeysFor(bronzeKey: string, inputPrefix: string): SilverKeys {
  if (!bronzeKey.startsWith(inputPrefix)) throw new Error(`key ${bronzeKey} is outside ${inputPrefix}`);
  const path = bronzeKey.slice(inputPrefix.length);
  const manifest = `${SILVER_MANIFEST_PREFIX}${path}.json`;
  if (path.endsWith('.csv')) {
    const stem = path.slice(0, -'.csv'.length);
    return { silver: `silver/${stem}.csv`, customers: `${SILVER_CUSTOMERS_PREFIX}${stem}.parquet`, quarantine: `quarantine/${stem}.csv`, rejection: `quarantine/${stem}.error.json`, manifest };
  }
  return { silver: `silver/${path}`, customers: `${SILVER_CUSTOMERS_PREFIX}${path}.parquet`, quarantine: `quarantine/${path}`, rejection: `quarantine/${path}.error.json`, manifest };
}
