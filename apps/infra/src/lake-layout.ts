import { Duration } from 'aws-cdk-lib';

/** The lake's prefixes: one bucket, one prefix per layer. */
export const PREFIXES = {
  bronze: 'bronze/',
  silver: 'silver/',
  gold: 'gold/',
  quarantine: 'quarantine/',
} as const;

/** What the infra needs to know of one layer: its trigger, its rights, its sizing. */
export interface LayerSpec {
  /** Layer name, e.g. `silver`; names the stack and the function. */
  readonly name: string;
  /** The Nx project whose `build` output under `dist/apps/<project>` is the function's code. */
  readonly project: string;
  /** `.csv` objects created under this prefix trigger the layer. */
  readonly inputPrefix: string;
  /** Prefixes whose objects the layer reads (GetObject). */
  readonly readPrefixes: readonly string[];
  /** Prefixes the layer lists (ListBucket with an `s3:prefix` condition). */
  readonly listPrefixes: readonly string[];
  /** Prefixes the layer writes (PutObject, AbortMultipartUpload). */
  readonly writePrefixes: readonly string[];
  /** Memory in MB (CPU scales with it: 1,769 MB is one full vCPU). */
  readonly memorySize: number;
  /** Function timeout. */
  readonly timeout: Duration;
  /** Reserved concurrency; `1` runs the layer one invocation at a time. Unset: unreserved. */
  readonly reservedConcurrency?: number;
}

/**
 * The layers medallion deploys. Sizing, from local measurement (README "Measured"): silver and gold
 * each process about 33,000 rows/s on one core, CPU-bound on CSV parsing, with memory flat in rows
 * for silver and linear in distinct customers for gold. One full vCPU (1,769 MB) therefore gives a
 * 5-minute silver timeout room for ~10 million rows a file; gold reads all of silver, so it gets
 * 10 minutes, and runs one at a time so two recomputes never race.
 */
export const LAYERS: readonly LayerSpec[] = [
  {
    name: 'silver',
    project: 'silver-lambda',
    inputPrefix: PREFIXES.bronze,
    readPrefixes: [PREFIXES.bronze],
    listPrefixes: [],
    writePrefixes: [PREFIXES.silver, PREFIXES.quarantine],
    memorySize: 1769,
    timeout: Duration.minutes(5),
  },
  {
    name: 'gold',
    project: 'gold-lambda',
    inputPrefix: PREFIXES.silver,
    readPrefixes: [PREFIXES.silver],
    listPrefixes: [PREFIXES.silver],
    writePrefixes: [PREFIXES.gold],
    memorySize: 1769,
    timeout: Duration.minutes(10),
    reservedConcurrency: 1,
  },
];
