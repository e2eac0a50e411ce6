import { createLayerHandler } from '@medallion/layer-runtime';
import { goldLayer } from './gold-layer';

/**
 * The gold Lambda handler: `(event, context) => Promise<LayerInvocationReport<GoldResult>>`.
 * Takes silver manifests' events (`silver/_manifests/*.json`, created or deleted) as S3 event
 * notifications, EventBridge events or SQS batches of either, and brings the gold table up to date
 * once per invocation; see {@link goldLayer}. For an SQS batch it reports failed messages
 * (`batchItemFailures`) instead of throwing.
 */
export const handler = createLayerHandler(goldLayer);
