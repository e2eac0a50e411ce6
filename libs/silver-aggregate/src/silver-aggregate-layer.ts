import type { CustomerRecords } from '@medallion/customer-records';
import { codeVersion, type AggregateLayer, type LayerEnvironment, type LayerMetric } from '@medallion/layer-runtime';
import { isObjectRemoved, type ObjectEvent } from '@medallion/s3-events';
import { headObject } from '@medallion/s3-io';
import type { LayerLayout } from '@medallion/lake-layout';
import { manifestObjectOf, type ManifestObject } from '@medallion/schemas';
import type { ParallelOptions } from '@medallion/worker-pool';
import { checkpointKeysOf, type CheckpointKeys } from './checkpoint-keys';
import { checkpointSettings } from './checkpoint-settings';
import { processCache } from './process-cache';
import { refreshCheckpoint, type CheckpointRefresh } from './refresh-checkpoint';
import { maxAggregateCustomers } from './state-limit';
import { generationOf, writeIfNewer } from './write-if-newer';

/** What a layer built on {@link createSilverAggregateLayer} defines: its keys, its row function and its CSV writer. */
export interface SilverAggregateSpec<Row> {
  /**
   * The layer's entry in `LAYER_LAYOUT` (`layerLayoutOf('gold')`): its name, its trigger (silver's
   * manifests, `silver/_manifests/*.json`, created and removed; the aggregates' queue) and the prefix
   * it writes under (e.g. `gold/`; its checkpoint is under `<prefix>_checkpoint/`).
   */
  readonly layout: Pick<
    LayerLayout,
    'name' | 'inputPrefix' | 'inputSuffixes' | 'acceptsRemovals' | 'outputPrefix' | 'queue'
  >;
  /** Its table's key, e.g. `gold/customers_by_region.csv`. */
  readonly tableKey: string;
  /** Its table's manifest key, e.g. `gold/_manifests/customers_by_region.json`. */
  readonly manifestKey: string;
  /**
   * The table's rows from the state: each customer's latest record across all of silver.
   *
   * @param state - the records, sorted by Customer ID (JavaScript's string order).
   * @returns the rows, in the table's order.
   */
  rowsOf(state: CustomerRecords): Row[];
  /**
   * The table as CSV.
   *
   * @param rows - from `rowsOf`.
   * @returns the CSV text (UTF-8, header first, `\n` line endings).
   */
  formatCsv(rows: readonly Row[]): string;
  /** How tables of old lakes (wide silver CSV) are read: threads, threshold, batch size. */
  readonly readOptions?: ParallelOptions;
  /** The layer's table for the Glue Data Catalog and Athena, in a prefix of its own (see {@link CatalogTableOutput}). */
  readonly catalogTable?: CatalogTableOutput<Row>;
}

/**
 * The data file of a layer's catalogued table (`@medallion/lake-catalog`), made from the same
 * checkpoint as the CSV table and written just before it, with the same generation.
 */
export interface CatalogTableOutput<Row> {
  /** Its key, alone under the table's prefix, e.g. `gold/region_customers/region_customers.parquet`. */
  readonly key: string;
  /** Its content type, e.g. `application/vnd.apache.parquet`. */
  readonly contentType: string;
  /**
   * Its content.
   *
   * @param state - the records, sorted by Customer ID.
   * @param rows - the CSV table's rows, from `rowsOf`.
   * @returns the file's bytes (or text, written as UTF-8).
   */
  encode(state: CustomerRecords, rows: readonly Row[]): string | Uint8Array;
}

/**
 * What one invocation of a silver aggregate did.
 * - `covered`: every event was already in the checkpoint this process holds, which is the stored one (a HeadObject of the checkpoint, the manifest and each table, nothing read or written);
 * - `unchanged`: the checkpoint already held every commit (read, compared with the listing, outputs checked);
 * - `merged`: new commits' customer tables merged into the state;
 * - `rebuilt`: the state read again from every commit (a commit replaced or removed, or no usable checkpoint).
 */
export interface SilverAggregateResult<Row> {
  /** The table's key. */
  readonly outputKey: string;
  readonly action: 'covered' | 'unchanged' | 'merged' | 'rebuilt';
  /** Events of the invocation that the layer acted on. */
  readonly events: number;
  /** Commits whose tables were read (0 when covered or unchanged). */
  readonly readCommits: number;
  /** Checkpoint segments a rebuild read instead of their commits' tables (see `readUsableSegments`). */
  readonly readSegments: number;
  /** The checkpoint generation the outputs are made from; undefined when covered. */
  readonly generation: number | undefined;
  /** Silver tables included (commits of processed files). */
  readonly silverObjects: number;
  /** Wide silver tables of old lakes that are not silver tables (no Customer ID or Region column), skipped with a warning when first read. */
  readonly skippedObjects: number;
  /** Silver rows included. */
  readonly silverRows: number;
  /** Distinct Customer IDs. */
  readonly customers: number;
  /** The table's rows; empty when covered. */
  readonly rows: readonly Row[];
}

/** The manifest an aggregate writes beside its table: the table, and the checkpoint that names every commit the table includes. */
export interface SilverAggregateManifest {
  readonly layer: string;
  readonly codeVersion: string;
  /** The checkpoint generation the table was made from. */
  readonly generation: number;
  /** The checkpoint (its footer lists every commit: manifest key and ETag, table key, ETag and version). */
  readonly checkpoint: ManifestObject;
  readonly counts: {
    readonly silverObjects: number;
    readonly skippedObjects: number;
    readonly silverRows: number;
    readonly customers: number;
    readonly tableRows: number;
  };
  readonly output: ManifestObject;
  /** The catalogued table's data file, made from the same generation (layers that have one). */
  readonly catalogOutput?: ManifestObject;
}

/**
 * Whether a checkpoint already holds what an event announces: a created manifest whose key it holds
 * with the event's ETag, or a removed one whose key it does not hold. (A change after the event
 * has an event of its own, so an event is never judged by a state older than it.)
 */
function holdsEvent(manifestETags: ReadonlyMap<string, string>, event: ObjectEvent): boolean {
  if (isObjectRemoved(event)) return !manifestETags.has(event.key);
  return event.eTag !== undefined && manifestETags.get(event.key) === event.eTag;
}

/**
 * Whether every event is already in the checkpoint and the outputs were made from it, judged from
 * the checkpoint this process holds (a warm function, the local runner) and a HeadObject of the
 * checkpoint, the manifest and each table (three, four with a catalogued table),
 * whatever the number of events: the stored checkpoint must be the held one (same ETag), its
 * events all held ({@link holdsEvent}), the layer's manifest of its generation or a later one, and
 * the table of the manifest's generation (an invocation may have stopped between the writes; a
 * table may have been deleted or overwritten since, which a refresh repairs). A process that holds
 * no checkpoint (a cold start) answers false without a request: the refresh then reads the
 * checkpoint, compares it with the listing and finds it `unchanged`.
 */
async function coveredByHeldCheckpoint(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  spec: Pick<SilverAggregateSpec<unknown>, 'manifestKey' | 'tableKey' | 'catalogTable'>,
  events: readonly ObjectEvent[],
): Promise<boolean> {
  const held = processCache.checkpoint(bucket, keys.state);
  if (!held || events.length === 0) return false;
  const manifestETags = new Map(held.checkpoint.commits.map((commit) => [commit.manifestKey, commit.manifestETag]));
  if (!events.every((event) => holdsEvent(manifestETags, event))) return false;
  const tableKeys = [spec.tableKey, ...(spec.catalogTable ? [spec.catalogTable.key] : [])];
  const [checkpoint, manifest, ...tables] = await Promise.all(
    [keys.state, spec.manifestKey, ...tableKeys].map((key) => headObject(env.s3, bucket, key)),
  );
  if (!checkpoint || checkpoint.eTag !== held.eTag || !manifest) return false;
  return (
    generationOf(manifest.metadata) >= generationOf(checkpoint.metadata) &&
    tables.every((table) => table !== undefined && generationOf(table.metadata) === generationOf(manifest.metadata))
  );
}

/** What a checkpoint's commits and state hold, and the rows of the table made from it. */
type SilverAggregateCounts = ReturnType<typeof countsOf>;

/** Counts of the silver objects, rows and customers a refreshed checkpoint includes, and the table's rows. */
function countsOf(refresh: CheckpointRefresh, tableRows: number) {
  const { commits, state } = refresh.checkpoint;
  const tables = commits.filter((commit) => commit.table !== undefined && !commit.notSilverTable);
  const skippedObjects = commits.filter((commit) => commit.notSilverTable).length;
  return {
    silverObjects: tables.length,
    skippedObjects,
    silverRows: tables.reduce((total, commit) => total + commit.silverRows, 0),
    customers: state.count,
    tableRows,
  };
}

/**
 * Writes one output of checkpoint generation `generation` (see `writeIfNewer`).
 *
 * @returns the object to name in the manifest: the one written, or the one kept when it is of this
 *   generation (the same bytes, from an invocation that stopped before its manifest); undefined when
 *   a later generation's is there, which is its own invocation's to describe.
 */
async function writeOutputOf(
  env: LayerEnvironment,
  write: { bucket: string; key: string; contentType: string },
  body: string | Uint8Array,
  generation: number,
): Promise<ManifestObject | undefined> {
  const result = await writeIfNewer(env.s3, write, body, generation);
  if ('written' in result) return manifestObjectOf(result.written);
  const { kept } = result;
  return generationOf(kept.metadata) === generation
    ? manifestObjectOf({ key: write.key, eTag: kept.eTag, versionId: kept.versionId })
    : undefined;
}

/** Writes the catalogued table's file (if the layer has one), then the CSV table, then the manifest naming both. */
async function writeOutputs<Row>(
  env: LayerEnvironment,
  bucket: string,
  spec: SilverAggregateSpec<Row>,
  refresh: CheckpointRefresh,
  rows: readonly Row[],
): Promise<void> {
  const { generation, state } = refresh.checkpoint;
  const { catalogTable } = spec;
  const catalogOutput =
    catalogTable &&
    (await writeOutputOf(
      env,
      { bucket, key: catalogTable.key, contentType: catalogTable.contentType },
      catalogTable.encode(state, rows),
      generation,
    ));
  if (catalogTable && !catalogOutput) return;
  const output = await writeOutputOf(
    env,
    { bucket, key: spec.tableKey, contentType: 'text/csv; charset=utf-8' },
    spec.formatCsv(rows),
    generation,
  );
  if (output) await writeManifest(env, bucket, spec, refresh, { output, catalogOutput, tableRows: rows.length });
}

/** Writes the manifest of a generation's outputs (unless a later generation's is there). */
async function writeManifest(
  env: LayerEnvironment,
  bucket: string,
  spec: SilverAggregateSpec<unknown>,
  refresh: CheckpointRefresh,
  written: { output: ManifestObject; catalogOutput: ManifestObject | undefined; tableRows: number },
): Promise<void> {
  const { generation } = refresh.checkpoint;
  const manifest: SilverAggregateManifest = {
    layer: spec.layout.name,
    codeVersion: codeVersion(),
    generation,
    checkpoint: refresh.stored,
    counts: countsOf(refresh, written.tableRows),
    output: written.output,
    ...(written.catalogOutput ? { catalogOutput: written.catalogOutput } : {}),
  };
  await writeIfNewer(
    env.s3,
    { bucket, key: spec.manifestKey, contentType: 'application/json' },
    `${JSON.stringify(manifest, null, 2)}\n`,
    generation,
  );
}

/** The CloudWatch metrics of one invocation's result. */
function metricsOf(result: SilverAggregateResult<unknown>): LayerMetric[] {
  return [
    { name: 'Events', unit: 'Count', value: result.events },
    { name: 'CoveredEvents', unit: 'Count', value: result.action === 'covered' ? result.events : 0 },
    { name: 'Recomputes', unit: 'Count', value: result.action === 'merged' || result.action === 'rebuilt' ? 1 : 0 },
    { name: 'Rebuilds', unit: 'Count', value: result.action === 'rebuilt' ? 1 : 0 },
    { name: 'ReadCommits', unit: 'Count', value: result.readCommits },
    { name: 'SilverObjects', unit: 'Count', value: result.silverObjects },
    { name: 'RowsIn', unit: 'Count', value: result.silverRows },
    { name: 'Customers', unit: 'Count', value: result.customers },
    { name: 'RowsOut', unit: 'Count', value: result.rows.length },
  ];
}

/** The result of an invocation whose events the held checkpoint already covers: nothing read or written. */
function coveredResult<Row>(spec: SilverAggregateSpec<Row>, events: number): SilverAggregateResult<Row> {
  return {
    outputKey: spec.tableKey,
    events,
    action: 'covered',
    readCommits: 0,
    readSegments: 0,
    generation: undefined,
    silverObjects: 0,
    skippedObjects: 0,
    silverRows: 0,
    customers: 0,
    rows: [],
  };
}

/** Logs what a refresh did and what the table holds now. */
function logRefresh<Row>(
  env: LayerEnvironment,
  bucket: string,
  spec: SilverAggregateSpec<Row>,
  refresh: CheckpointRefresh,
  { silverObjects, silverRows, customers, tableRows }: SilverAggregateCounts,
): void {
  env.logger.info(`${spec.layout.name} ${refresh.action}`, {
    bucket,
    key: spec.tableKey,
    generation: refresh.checkpoint.generation,
    readCommits: refresh.readCommits,
    readSegments: refresh.readSegments,
    writtenSegments: refresh.writtenSegments,
    silverObjects,
    silverRows,
    customers,
    tableRows,
  });
}

/**
 * Brings the checkpoint up to the lake's manifests, writes the table and its manifest, and logs
 * what was done.
 *
 * @param events - the number of events of the invocation.
 * @returns the invocation's result.
 * @throws AggregateStateTooLargeError past the state's limit; the refresh's and the SDK's errors.
 */
async function refreshAndWrite<Row>(
  env: LayerEnvironment,
  bucket: string,
  spec: SilverAggregateSpec<Row>,
  keys: CheckpointKeys,
  events: number,
): Promise<SilverAggregateResult<Row>> {
  const refresh = await refreshCheckpoint(env, bucket, {
    layer: spec.layout.name,
    keys,
    maxCustomers: maxAggregateCustomers(),
    read: spec.readOptions ?? {},
    settings: checkpointSettings(),
  });
  const rows = spec.rowsOf(refresh.checkpoint.state);
  await writeOutputs(env, bucket, spec, refresh, rows);
  const counts = countsOf(refresh, rows.length);
  logRefresh(env, bucket, spec, refresh, counts);
  const { silverObjects, skippedObjects, silverRows, customers } = counts;
  const { action, readCommits, readSegments } = refresh;
  const { generation } = refresh.checkpoint;
  const outputKey = spec.tableKey;
  return {
    outputKey,
    events,
    action,
    readCommits,
    readSegments,
    generation,
    skippedObjects,
    silverObjects,
    silverRows,
    customers,
    rows,
  };
}

/**
 * An aggregate layer over silver's customers, incremental and checkpointed: triggered by silver's
 * manifests (`silver/_manifests/*.json`, created or removed), it keeps each Customer ID's latest
 * record across all of silver in a checkpoint under `<outputPrefix>_checkpoint/` and writes its
 * table (from `rowsOf` and `formatCsv`) and the table's manifest.
 *
 * Per invocation, however many events it carries:
 * 1. when this process holds the stored checkpoint (a warm function) and it already holds every
 *    event, and the outputs were made from it, nothing else is done (`covered`: three or four HeadObjects,
 *    whatever the number of events; see `coveredByHeldCheckpoint`);
 * 2. otherwise the checkpoint is brought up to the lake's manifests (`refreshCheckpoint`: only new
 *    commits are read and merged; a replaced or removed one rebuilds the state), written by a
 *    conditional write so two invocations at once never lose an update;
 * 3. the table and its manifest are written unless a later generation's are already there.
 * A burst of commits thus costs about one recompute per recompute's duration, not one per commit,
 * and the table is byte-identical to a computation from scratch.
 *
 * @param spec - the layer's layout entry, keys, row function and CSV writer.
 * @returns the layer definition (an aggregate, acting on removals too).
 */
export function createSilverAggregateLayer<Row>(
  spec: SilverAggregateSpec<Row>,
): AggregateLayer<SilverAggregateResult<Row>> {
  const { name, inputPrefix, inputSuffixes, acceptsRemovals, outputPrefix, queue } = spec.layout;
  const keys = checkpointKeysOf(outputPrefix);
  return {
    kind: 'aggregate',
    name,
    inputPrefix,
    inputSuffixes,
    outputPrefix,
    acceptsRemovals,
    ...(queue ? { queue } : {}),
    metricsOf,
    async recompute(env, bucket, events) {
      if (await coveredByHeldCheckpoint(env, bucket, keys, spec, events)) {
        env.logger.info('events already in the checkpoint', { bucket, events: events.length });
        return coveredResult(spec, events.length);
      }
      return refreshAndWrite(env, bucket, spec, keys, events.length);
    },
  };
}
