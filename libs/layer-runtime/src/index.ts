export type {
  AggregateLayer,
  LayerDefinition,
  LayerEnvironment,
  LayerMetric,
  MapLayer,
  QueueDelivery,
} from './layer-definition';
export {
  createLayerHandler,
  type LayerHandler,
  type LayerHandlerOptions,
  type LayerInvocationReport,
} from './create-layer-handler';
export { LayerInvocationError, LayerRuntimeError, type ObjectFailure } from './errors';
export { selectObjects, type SkippedObject } from './select-objects';
export { CsvObjectWriter } from './csv-object-writer';
export { codeVersion } from './code-version';
export { customersInMemory, type CustomerLimitSpec } from './customers-in-memory';
