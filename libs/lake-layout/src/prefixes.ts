/**
 * The lake's prefixes: one bucket, one prefix per layer (each ends in `/`). The one definition the
 * layer libs, the CLI and the infra app read.
 */
export const PREFIXES = {
  /** Raw customer CSV files exactly as uploaded: silver's input. */
  bronze: 'bronze/',
  /** Silver's enriched CSV tables. */
  silver: 'silver/',
  /** Gold's table, its manifest and its checkpoint. */
  gold: 'gold/',
  /** Rows (and files) silver refused, with a reason. */
  quarantine: 'quarantine/',
  /** Silver's commit records: one manifest per bronze object, written after its outputs. */
  silverManifests: 'silver/_manifests/',
  /** Silver's customer tables (Parquet): each bronze object's customers, what gold and platinum read. */
  silverCustomers: 'silver-customers/',
  /** Platinum's table, its manifest and its checkpoint. */
  platinum: 'platinum/',
} as const;

/**
 * The checkpoint prefix of an aggregate over silver that writes under `outputPrefix`.
 *
 * @param outputPrefix - the layer's output prefix, ending in `/`, e.g. `gold/`.
 * @returns `<outputPrefix>_checkpoint/`, e.g. `gold/_checkpoint/`.
 */
export function checkpointPrefixOf(outputPrefix: string): string {
  return `${outputPrefix}_checkpoint/`;
}
