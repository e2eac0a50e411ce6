import { createLayerHandler } from '@medallion/layer-runtime';
import { silverLayer } from './silver-layer';
import { SILVER_SETTINGS } from './silver-settings';

/**
 * The silver Lambda handler: `(event, context) => Promise<LayerInvocationReport<SilverResult>>`.
 * Takes S3 event notifications or EventBridge "Object Created" events for `bronze/*.csv`; see
 * {@link silverLayer} for what it writes. Throws `LayerInvocationError` after the loop when any
 * object failed, so that Lambda retries; throws `InvalidSettingError` at once for a bad value of
 * one of {@link SILVER_SETTINGS}.
 */
export const handler = createLayerHandler(silverLayer, { settings: SILVER_SETTINGS });
