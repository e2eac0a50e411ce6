import { createLayerHandler } from '@medallion/layer-runtime';
import { goldLayer } from './gold-layer';

/**
 * The gold Lambda handler: `(event, context) => Promise<LayerInvocationReport<GoldResult>>`.
 * Takes S3 event notifications or EventBridge "Object Created" events for `silver/*.csv` and
 * recomputes the gold table once per invocation; see {@link goldLayer}.
 */
export const handler = createLayerHandler(goldLayer);
