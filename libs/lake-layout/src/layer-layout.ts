import { SILVER_AGGREGATE_QUEUE } from './aggregate-queue';
import { checkpointPrefixOf, PREFIXES } from './prefixes';

/**
 * A layer fed through a queue: an EventBridge rule sends its events to an SQS queue of its own, and
 * an event source mapping invokes the function with batches of them (locally, the router gathers the
 * waiting events into one batch). For layers that coalesce a batch into one piece of work.
 */
export interface LayerQueueLayout {
  /** Events per invocation at most (SQS allows up to 10,000; Lambda's 6 MB request holds about 5,000 S3 events). */
  readonly batchSize: number;
  /** How long the mapping gathers events before invoking with fewer than `batchSize`, in seconds. */
  readonly batchingWindowSeconds: number;
  /** Invocations at once on AWS (an SQS mapping's MaximumConcurrency; 2 is its minimum). */
  readonly maxConcurrency: number;
}

/**
 * Everything the lake knows of one layer, as plain data: its trigger (which the layer definition and
 * the local runner's route use), its rights and its sizing (which the infra app turns into a stack).
 */
export interface LayerLayout {
  /** Layer name, e.g. `silver`; names the stack, the function and the layer's logs. */
  readonly name: string;
  /** The Nx project whose `build` output under `dist/apps/<project>` is the function's code. */
  readonly project: string;
  /** Objects created under this prefix trigger the layer... */
  readonly inputPrefix: string;
  /** ...when their key ends in one of these (case-sensitive, as EventBridge wildcards are). */
  readonly inputSuffixes: readonly string[];
  /** Deletions under the input prefix trigger the layer too ("Object Deleted"). */
  readonly acceptsRemovals: boolean;
  /** The prefix the layer's outputs go under (ends in `/`). */
  readonly outputPrefix: string;
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
  /** The function's memory in MB (CPU scales with it: 1,769 MB is one full vCPU). */
  readonly memoryMb: number;
  /** The function's timeout in seconds. */
  readonly timeoutSeconds: number;
  /** Reserved concurrency; `1` runs the layer one invocation at a time. Unset: unreserved. */
  readonly reservedConcurrency?: number;
  /** Set to feed the layer through a queue in batches (see {@link LayerQueueLayout}); unset, each event invokes the layer. */
  readonly queue?: LayerQueueLayout;
  /** A prefix the layer rewrites often (its checkpoint): the lake keeps its noncurrent versions one day, not the bucket's 30. */
  readonly checkpointPrefix?: string;
}

/**
 * What every aggregate over silver's customer tables (gold, platinum, a generated customer-aggregate)
 * has but its name, project, input prefix and write prefixes (which stay literal in its entry, where
 * the layer generator reads them): triggered by silver's manifests (`.json`, removals too) through
 * {@link SILVER_AGGREGATE_QUEUE}; reads all committed silver (given versions) and its own prefix (its
 * checkpoint, {@link checkpointPrefixOf}); lists silver's manifests and its checkpoint's segments;
 * deletes only the checkpoint's unused segments; 1,769 MB and 10 minutes (a rebuild after a removal
 * reads at worst every customer table).
 *
 * @param outputPrefix - the layer's output prefix, ending in `/`, e.g. `gold/`.
 * @returns the entry's other fields, e.g. for `gold/`: checkpoint `gold/_checkpoint/`, deletes under `gold/_checkpoint/segments/`.
 */
function silverAggregateLayoutOf(
  outputPrefix: string,
): Omit<LayerLayout, 'name' | 'project' | 'inputPrefix' | 'writePrefixes'> {
  const checkpointPrefix = checkpointPrefixOf(outputPrefix);
  const segmentsPrefix = `${checkpointPrefix}segments/`;
  return {
    inputSuffixes: ['.json'],
    acceptsRemovals: true,
    outputPrefix,
    readPrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, outputPrefix],
    readsVersions: true,
    listPrefixes: [PREFIXES.silverManifests, segmentsPrefix],
    deletePrefixes: [segmentsPrefix],
    memoryMb: 1769,
    timeoutSeconds: 600,
    queue: SILVER_AGGREGATE_QUEUE,
    checkpointPrefix,
  };
}

/**
 * The lake's layers, each defined once: the infra app makes one stack per entry, the local runner
 * one route per entry, and each layer lib takes its name, prefixes, suffixes and removals from its
 * entry. Sizing, from `npm run bench` (README "Performance"): silver does ~56,000 rows/s on one core,
 * CPU-bound on CSV work, with memory about flat in rows; more memory brings vCPUs that the worker
 * threads use. Gold and platinum are incremental aggregates over silver's customer tables: triggered
 * by silver's manifests through a queue, they merge only new commits into a checkpoint under their
 * own prefix (read and written there; they delete only the checkpoint's unused segments), and a
 * rebuild after a removal reads at worst every customer table, so 10 minutes. Layers made with
 * `nx g @medallion/tools:layer` are appended here (one entry each).
 */
export const LAYER_LAYOUT: readonly LayerLayout[] = [
  {
    name: 'silver',
    project: 'silver-lambda',
    inputPrefix: PREFIXES.bronze,
    inputSuffixes: ['.csv', '.CSV'],
    acceptsRemovals: true,
    outputPrefix: PREFIXES.silver,
    // Its own outputs too: it checks them (HeadObject) and deletes them conditionally (If-Match
    // an ETag), which S3 allows only with s3:GetObject beside s3:DeleteObject.
    readPrefixes: [PREFIXES.bronze, PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    readsVersions: false,
    listPrefixes: [],
    writePrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    deletePrefixes: [PREFIXES.silver, PREFIXES.silverCustomers, PREFIXES.quarantine],
    memoryMb: 1769,
    timeoutSeconds: 900,
  },
  {
    ...silverAggregateLayoutOf(PREFIXES.gold),
    name: 'gold',
    project: 'gold-lambda',
    inputPrefix: PREFIXES.silverManifests,
    writePrefixes: [PREFIXES.gold],
  },
  {
    ...silverAggregateLayoutOf(PREFIXES.platinum),
    name: 'platinum',
    project: 'platinum-lambda',
    inputPrefix: PREFIXES.silverManifests,
    writePrefixes: [PREFIXES.platinum],
  },
];
