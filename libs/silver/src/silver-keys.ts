/** The object keys silver derives from one bronze key. */
export interface SilverKeys {
  /** `silver/<path>.csv`: the enriched table. */
  readonly silver: string;
  /** `quarantine/<path>.csv`: rows silver could not accept (written only when there are some). */
  readonly quarantine: string;
  /** `quarantine/<path>.error.json`: the record of a rejected file. */
  readonly rejection: string;
}

/**
 * Derives silver's output keys from a decoded bronze key: the path under the input prefix, less
 * its `.csv` extension (any case), under each output prefix.
 *
 * @param bronzeKey - e.g. `bronze/2026/customers 1.csv`.
 * @param inputPrefix - e.g. `bronze/`.
 * @returns e.g. `{ silver: 'silver/2026/customers 1.csv', quarantine: 'quarantine/2026/customers 1.csv', rejection: 'quarantine/2026/customers 1.error.json' }`.
 * @throws Error when the key is not under the input prefix.
 */
export function silverKeysFor(bronzeKey: string, inputPrefix: string): SilverKeys {
  if (!bronzeKey.startsWith(inputPrefix)) throw new Error(`key ${bronzeKey} is outside ${inputPrefix}`);
  const path = bronzeKey.slice(inputPrefix.length).replace(/\.csv$/i, '');
  return { silver: `silver/${path}.csv`, quarantine: `quarantine/${path}.csv`, rejection: `quarantine/${path}.error.json` };
}
