import { PLATINUM_SUBSCRIPTION_RATE_TABLE, tableFileKeyOf } from '@medallion/lake-catalog';
import { layerLayoutOf } from '@medallion/lake-layout';
import type { AggregateLayer } from '@medallion/layer-runtime';
import { createSilverAggregateLayer, type SilverAggregateResult } from '@medallion/silver-aggregate';
import { formatPlatinumCsv } from './platinum-csv';
import { platinumRowsOf, type PlatinumRow } from './platinum-rows';

/** Platinum's entry in the lake layout: its name, trigger (silver's manifests, through the aggregates' queue) and output prefix. */
const LAYOUT = layerLayoutOf('platinum');

/** The platinum table's key. */
export const PLATINUM_KEY = 'platinum/subscription_rate_by_region.csv';

/**
 * Where platinum writes its table again for Athena, alone under the catalogued table's prefix:
 * `platinum/subscription_rate_by_region/subscription_rate_by_region.csv`.
 */
export const PLATINUM_CATALOG_KEY = tableFileKeyOf(PLATINUM_SUBSCRIPTION_RATE_TABLE);

/** Where platinum writes the manifest of its table. */
export const PLATINUM_MANIFEST_KEY = 'platinum/_manifests/subscription_rate_by_region.json';

/** What one platinum invocation did (see `SilverAggregateResult`); `rows` are the platinum table's. */
export type PlatinumResult = SilverAggregateResult<PlatinumRow>;

/**
 * Platinum (aggregate): on any new or removed silver manifest (`silver/_manifests/*.json`), brings
 * `platinum/subscription_rate_by_region.csv` (`Region,Customers,Subscribed Customers,Subscription
 * Rate`) up to all committed silver, incrementally, as gold does (`createSilverAggregateLayer`, its
 * own checkpoint `platinum/_checkpoint/state.parquet`). Gold lists only subscribed customers, so it
 * cannot give the rate's denominator; platinum counts every customer once, by its latest record, as
 * gold does (see {@link platinumRowsOf}). Just before the table it writes the same bytes to
 * {@link PLATINUM_CATALOG_KEY}, where Athena reads them (a table's prefix holds only its data files).
 * Then writes `platinum/_manifests/subscription_rate_by_region.json`: both files and the checkpoint.
 */
export const platinumLayer: AggregateLayer<PlatinumResult> = createSilverAggregateLayer({
  layout: LAYOUT,
  tableKey: PLATINUM_KEY,
  manifestKey: PLATINUM_MANIFEST_KEY,
  rowsOf: platinumRowsOf,
  formatCsv: formatPlatinumCsv,
  catalogTable: {
    key: PLATINUM_CATALOG_KEY,
    contentType: 'text/csv; charset=utf-8',
    encode: (_state, rows) => formatPlatinumCsv(rows),
  },
});
