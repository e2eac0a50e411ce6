/**
 * The platinum Lambda (Node.js 22, ESM): `handler(event, context)` for S3 event notifications or
 * EventBridge "Object Created"/"Object Deleted" events on `silver/_manifests/*` objects ending in
 * .json. It recomputes `platinum/subscription_rate_by_region.csv` from all committed silver;
 * run it one at a time (reserved concurrency 1) so that two recomputes never race.
 * The code is in `libs/platinum` (`@medallion/platinum`); this app is the deployable.
 * Environment: `AWS_REGION` (set by Lambda); `MEDALLION_S3_ENDPOINT` only off AWS;
 * `POWERTOOLS_LOG_LEVEL` (default INFO).
 */
export { handler } from '@medallion/platinum';
