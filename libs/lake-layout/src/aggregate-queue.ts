/**
 * How the aggregates over silver (gold, platinum, generated customer aggregates) take their events,
 * on AWS (an SQS event source mapping) and locally (the embedded lake's router): batches of up to
 * `batchSize` silver manifests' events, gathered for up to `batchingWindowSeconds`, at most
 * `maxConcurrency` invocations at once on AWS (an SQS mapping's minimum; the aggregates bear two at
 * once through conditional writes, see the README's "How the aggregates are triggered").
 *
 * Source: the SQS event source mapping's settings (BatchSize up to 10,000; MaximumBatchingWindowInSeconds
 * up to 300; ScalingConfig.MaximumConcurrency 2 to 1,000). 1,000 events of ~1 KB fit Lambda's 6 MB request.
 */
export const SILVER_AGGREGATE_QUEUE = { batchSize: 1000, batchingWindowSeconds: 2, maxConcurrency: 2 } as const;
