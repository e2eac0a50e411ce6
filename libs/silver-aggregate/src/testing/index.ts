export { forgetImmutableReads } from '../immutable-reads';
export { forgetProcessCache } from '../process-cache';
export { useCheckpointSettings } from './checkpoint-settings-env';
