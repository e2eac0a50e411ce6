/**
 * The gold Lambda (Node.js 24, ESM): `handler(event, context)` for SQS batches of EventBridge
 * "Object Created"/"Object Deleted" events on silver's manifests (`silver/_manifests/*.json`), or
 * such events directly. It brings its checkpoint up to the committed silver customer tables and
 * writes `gold/customers_by_region.csv` and its manifest; two invocations at once are safe (the
 * checkpoint is written by conditional writes).
 * Environment: `AWS_REGION` (set by Lambda); `MEDALLION_S3_ENDPOINT` only off AWS;
 * `POWERTOOLS_LOG_LEVEL` (default INFO); the `MEDALLION_*` settings of `AGGREGATE_SETTINGS` (README
 * "Settings"), each checked at every invocation: a bad value fails it, naming the variable.
 */
export { handler } from '@medallion/gold';
