import { layerLayoutOf } from '@medallion/lake-layout';
import type { AggregateLayer } from '@medallion/layer-runtime';
import { GOLD_MANIFEST_KEY } from '@medallion/schemas';
import { createSilverAggregateLayer, type SilverAggregateResult } from '@medallion/silver-aggregate';
import type { ParallelOptions } from '@medallion/worker-pool';
import { formatGoldCsv } from './gold-csv';
import { encodeRegionCustomers, GOLD_REGION_CUSTOMERS_KEY } from './gold-region-customers';
import { goldRowsOf, type GoldTableRow } from './gold-rows';

/** Gold's entry in the lake layout: its name, trigger (silver's manifests, through the aggregates' queue) and output prefix. */
const LAYOUT = layerLayoutOf('gold');

/** The gold table's key. */
export const GOLD_KEY = 'gold/customers_by_region.csv';

/** What one gold invocation did (see `SilverAggregateResult`); `rows` are the gold table's. */
export type GoldResult = SilverAggregateResult<GoldTableRow>;

/**
 * Gold: on any new or removed silver manifest (`silver/_manifests/*.json`, written by silver after
 * its outputs, removed first when its bronze object is deleted), brings
 * `gold/customers_by_region.csv` up to all committed silver: an incremental aggregate over silver's
 * customers (`createSilverAggregateLayer`) whose checkpoint `gold/_checkpoint/state.parquet` holds each
 * Customer ID's latest record and the commits it includes; only new commits' customer tables are read
 * and merged, a replaced or removed one rebuilds the state, and the table is byte-identical to a
 * computation from scratch. Each Customer ID counts once, by its latest record (the later bronze
 * event time, then sequencer, then key; within a file, the later row). Just before the table it
 * writes the same content as a long table for Athena, `gold/region_customers/region_customers.parquet`
 * (`encodeRegionCustomers`). Then writes `gold/_manifests/customers_by_region.json`: both files and
 * the checkpoint (which names every commit).
 *
 * @param options - how legacy wide silver tables are read (tests, the benchmark).
 * @returns the layer definition.
 */
export function createGoldLayer(options: ParallelOptions = {}): AggregateLayer<GoldResult> {
  return createSilverAggregateLayer({
    layout: LAYOUT,
    tableKey: GOLD_KEY,
    manifestKey: GOLD_MANIFEST_KEY,
    rowsOf: goldRowsOf,
    formatCsv: formatGoldCsv,
    catalogTable: {
      key: GOLD_REGION_CUSTOMERS_KEY,
      contentType: 'application/vnd.apache.parquet',
      encode: (state) => encodeRegionCustomers(state),
    },
    readOptions: options,
  });
}

/** Gold with the default options: see {@link createGoldLayer}. */
export const goldLayer = createGoldLayer();
