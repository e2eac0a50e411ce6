import { SILVER_AGGREGATE_QUEUE as AGGREGATE_QUEUE } from '@medallion/lake-layout';
import { Duration } from 'aws-cdk-lib';

/** The lake's prefixes: one bucket, one prefix per layer. */
export const PREFIXES = {
  bronze: 'bronze/',
  silver: 'silver/',
  gold: 'gold/',
  quarantine: 'quarantine/',
  /** Silver's commit records: one manifest per bronze object, written after its outputs. */
  silverManifests: 'silver/_manifests/',
  /** Silver's customer tables (Parquet): each bronze object's customers, what gold and platinum read. */
  silverCustomers: 'silver-customers/',
  platinum: 'platinum/',
} as const;

/**
 * A layer fed through a queue: an EventBridge rule sends its events to an SQS queue of its own, and
 * an event source mapping invokes the function with batches of them. For layers that coalesce a
 * batch into one piece of work (the aggregates over silver): a burst of events costs a few
 * invocations, not one each.
 */
export interface QueueTrigger {
  /** Events per invocation at most (SQS allows up to 10,000; Lambda's 6 MB request holds about 5,000 S3 events). */
  readonly batchSize: number;
  /** How long the mapping gathers events before invoking with fewer than `batchSize`. */
  readonly batchingWindow: Duration;
  /** Invocations at once (an SQS mapping's MaximumConcurrency; 2 is its minimum): the layer must bear concurrent runs. */
  readonly maxConcurrency: number;
}

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
  /** Set to feed the layer through an SQS queue in batches (see {@link QueueTrigger}); unset, the rule invokes the function with each event. */
  readonly queue?: QueueTrigger;
  /** A prefix the layer rewrites often (its checkpoint): the lake keeps its noncurrent versions one day, not the bucket's 30. */
  readonly checkpointPrefix?: string;
}

/** How gold and platinum take their events: the aggregates' queue settings (see `SILVER_AGGREGATE_QUEUE` in @medallion/lake-layout). */
const SILVER_AGGREGATE_QUEUE: QueueTrigger = {
  batchSize: AGGREGATE_QUEUE.batchSize,
  batchingWindow: Duration.seconds(AGGREGATE_QUEUE.batchingWindowSeconds),
  maxConcurrency: AGGREGATE_QUEUE.maxConcurrency,
};

/**
 * The layers medallion deploys. Sizing, from `npm run bench` (README "Performance"): silver does
 * ~56,000 rows/s on one core, CPU-bound on CSV work, with memory about flat in rows; more memory
 * brings vCPUs that the worker threads use (`MEDALLION_WORKER_THREADS`, from `workerThreadsFor`).
 * Gold and platinum are incremental aggregates over silver's customer tables: triggered by silver's
 * manifests (written after silver's outputs, so never half-committed) through a queue, they merge only
 * new commits into a checkpoint under their own prefix (read and written there; they delete only
 * the checkpoint's unused segments), and a rebuild after a removal reads the checkpoint's segments
 * and the tables outside them (at worst every customer table), so 10 minutes. Their state holds each distinct
 * customer (see `PEAK_BYTES_PER_CUSTOMER`). Layers made with `nx g @medallion/tools:layer` are
 * appended here.
 */
export const LAYERS: readonly LayerSpec[] = [
  {
    name: 'silver',
    project: 'silver-lambda',
    inputPrefix: PREFIXES.bronze,
    inputSuffixes: ['.csv', '.CSV'],
    acceptsRemovals: true,
    // Its own outputs too: it checks them (HeadObject) and deletes them conditionally (If-Match
    // an ETag), which S3 allows only with s3:GetObject beside s3:DeleteObject.
    readPrefixes: [PREFIXES.bronze, PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    readsVersions: false,
    listPrefixes: [],
    writePrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    deletePrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    memorySize: 1769,
    timeout: Duration.minutes(15),
  },
  {
    name: 'gold',
    project: 'gold-lambda',
    inputPrefix: PREFIXES.silverManifests,
    inputSuffixes: ['.json'],
    acceptsRemovals: true,
    readPrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.gold],
    readsVersions: true,
    listPrefixes: [PREFIXES.silverManifests, 'gold/_checkpoint/segments/'],
    writePrefixes: [PREFIXES.gold],
    deletePrefixes: ['gold/_checkpoint/segments/'],
    memorySize: 1769,
    timeout: Duration.minutes(10),
    queue: SILVER_AGGREGATE_QUEUE,
    checkpointPrefix: 'gold/_checkpoint/',
  },
  {
    // Gold's reads and sizing: it reads all committed silver the same way.
    name: 'platinum',
    project: 'platinum-lambda',
    inputPrefix: PREFIXES.silverManifests,
    inputSuffixes: ['.json'],
    acceptsRemovals: true,
    readPrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.platinum],
    readsVersions: true,
    listPrefixes: [PREFIXES.silverManifests, 'platinum/_checkpoint/segments/'],
    writePrefixes: [PREFIXES.platinum],
    deletePrefixes: ['platinum/_checkpoint/segments/'],
    memorySize: 1769,
    timeout: Duration.minutes(10),
    queue: SILVER_AGGREGATE_QUEUE,
    checkpointPrefix: 'platinum/_checkpoint/',
  },
];
