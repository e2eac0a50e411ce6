import { Duration } from 'aws-cdk-lib';

/** The lake's prefixes: one bucket, one prefix per layer. */
export const PREFIXES = {
  bronze: 'bronze/',
  silver: 'silver/',
  gold: 'gold/',
  quarantine: 'quarantine/',
  /** Silver's commit records: one manifest per bronze object, written after its outputs. */
  silverManifests: 'silver/_manifests/',
} as const;

/** What the infra needs to know of one layer: its trigger, its rights, its sizing. */
export interface LayerSpec {
  /** Layer name, e.g. `silver`; names the stack and the function. */
  readonly name: string;
  /** The Nx project whose `build` output under `dist/apps/<project>` is the function's code. */
  readonly project: string;
  /** Objects created under this prefix trigger the layer... */
  readonly inputPrefix: string;
  /** ...when their key ends in one of these (case-sensitive, as EventBridge wildcards are). */
  readonly inputSuffixes: readonly string[];
  /** Deletions under the input prefix trigger the layer too ("Object Deleted"). */
  readonly acceptsRemovals: boolean;
  /** Prefixes whose objects the layer reads (GetObject). */
  readonly readPrefixes: readonly string[];
  /** The layer reads given versions of what it reads (GetObjectVersion). */
  readonly readsVersions: boolean;
  /** Prefixes the layer lists (ListBucket with an `s3:prefix` condition). */
  readonly listPrefixes: readonly string[];
  /** Prefixes the layer writes (PutObject, AbortMultipartUpload). */
  readonly writePrefixes: readonly string[];
  /** Prefixes where the layer removes its own stale outputs (DeleteObject). */
  readonly deletePrefixes: readonly string[];
  /** Memory in MB (CPU scales with it: 1,769 MB is one full vCPU). */
  readonly memorySize: number;
  /** Function timeout. */
  readonly timeout: Duration;
  /** Reserved concurrency; `1` runs the layer one invocation at a time. Unset: unreserved. */
  readonly reservedConcurrency?: number;
}

/**
 * The layers medallion deploys. Sizing, from `npm run bench` (README "Performance"): silver does
 * ~56,000 rows/s on one core, CPU-bound on CSV work, with memory about flat in rows; gold and
 * platinum hold each distinct customer (~200 MB a million). One full vCPU (1,769 MB) and silver's
 * 15-minute timeout take ~50 million rows a file; more memory brings vCPUs that the worker threads
 * use (`MEDALLION_WORKER_THREADS`, from `workerThreadsFor`). Gold reads all of silver, so it gets
 * 10 minutes, and runs one at a time so two recomputes never race. Gold is triggered by silver's
 * manifests (written after silver's outputs), so it never sees a half-committed silver object.
 * Platinum reads silver as gold does, so it has gold's rights and sizing. Layers made with
 * `nx g @medallion/tools:layer` are appended here.
 */
export const LAYERS: readonly LayerSpec[] = [
  {
    name: 'silver',
    project: 'silver-lambda',
    inputPrefix: PREFIXES.bronze,
    inputSuffixes: ['.csv', '.CSV'],
    acceptsRemovals: true,
    readPrefixes: [PREFIXES.bronze, PREFIXES.silverManifests],
    readsVersions: false,
    listPrefixes: [],
    writePrefixes: [PREFIXES.silver, PREFIXES.quarantine],
    deletePrefixes: [PREFIXES.silver, PREFIXES.quarantine],
    memorySize: 1769,
    timeout: Duration.minutes(15),
  },
  {
    name: 'gold',
    project: 'gold-lambda',
    inputPrefix: PREFIXES.silverManifests,
    inputSuffixes: ['.json'],
    acceptsRemovals: true,
    readPrefixes: [PREFIXES.silver],
    readsVersions: true,
    listPrefixes: [PREFIXES.silverManifests],
    writePrefixes: [PREFIXES.gold],
    deletePrefixes: [],
    memorySize: 1769,
    timeout: Duration.minutes(10),
    reservedConcurrency: 1,
  },
  {
    // Gold's reads and sizing: it reads all committed silver the same way.
    name: 'platinum',
    project: 'platinum-lambda',
    inputPrefix: PREFIXES.silverManifests,
    inputSuffixes: ['.json'],
    acceptsRemovals: true,
    readPrefixes: [PREFIXES.silver],
    readsVersions: true,
    listPrefixes: [PREFIXES.silverManifests],
    writePrefixes: ['platinum/'],
    deletePrefixes: [],
    memorySize: 1769,
    timeout: Duration.minutes(10),
    reservedConcurrency: 1,
  },
];
