import type { LayerMetric } from '@medallion/layer-runtime';

/** What a layer that recomputes a table from all of silver reports (gold's and platinum's results are). */
export interface SilverReadResult {
  /** Silver tables read. */
  readonly silverObjects: number;
  /** Silver rows read. */
  readonly silverRows: number;
  /** Distinct Customer IDs. */
  readonly customers: number;
  /** The output table's rows. */
  readonly rows: { readonly length: number };
}

/**
 * The CloudWatch metrics of one recompute over all of silver: `SilverObjects`, `RowsIn` (silver
 * rows), `Customers` and `RowsOut` (the output table's rows), all counts.
 *
 * @param result - the recompute's result.
 * @returns the four metrics.
 */
export function silverReadMetrics(result: SilverReadResult): LayerMetric[] {
  return [
    { name: 'SilverObjects', unit: 'Count', value: result.silverObjects },
    { name: 'RowsIn', unit: 'Count', value: result.silverRows },
    { name: 'Customers', unit: 'Count', value: result.customers },
    { name: 'RowsOut', unit: 'Count', value: result.rows.length },
  ];
}
