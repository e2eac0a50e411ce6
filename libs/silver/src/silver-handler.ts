import { createLayerHandler } from '@medallion/layer-runtime';
import { silverLayer } from './silver-layer';

/**
 * The silver Lambda handler: `(event, context) => Promise<LayerInvocationReport<SilverResult>>`.
 * Takes S3 event notifications or EventBridge "Object Created" events for `bronze/*.csv`; see
 * {@link silverLayer} for what it writes. Throws `LayerInvocationError` after the loop when any
 * object failed, so that Lambda retries.
 */
export const handler = createLayerHandler(silverLayer);
