export { PREFIXES, checkpointPrefixOf } from './prefixes';
export { SILVER_AGGREGATE_QUEUE } from './aggregate-queue';
export { LAYER_LAYOUT, type LayerLayout, type LayerQueueLayout } from './layer-layout';
export { layerLayoutOf } from './layer-layout-of';
export { UnknownLayerError } from './errors';
