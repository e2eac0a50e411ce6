import { recordsByRegion } from '@medallion/customer-records';
import { formatCsv } from '@medallion/csv-io';
import { layerLayoutOf } from '@medallion/lake-layout';
import { createSilverAggregateLayer } from '../src';

/** A small aggregate over silver's customers for the mechanism's tests: customers and subscribed customers per region. */
export function regionsLayer() {
  return createSilverAggregateLayer({
    // Gold's trigger (silver's manifests, the aggregates' queue) under a name and prefix of its own.
    layout: { ...layerLayoutOf('gold'), name: 'regions', outputPrefix: 'regions/' },
    tableKey: 'regions/counts.csv',
    manifestKey: 'regions/_manifests/counts.json',
    rowsOf: (state) =>
      recordsByRegion(state).map(({ region, customers, subscribed }) => [
        region,
        String(customers),
        String(subscribed.length),
      ]),
    formatCsv: (rows) => formatCsv([['Region', 'Customers', 'Subscribed'], ...rows]),
  });
}

/** The silver header of the tests' tables. */
export const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';
