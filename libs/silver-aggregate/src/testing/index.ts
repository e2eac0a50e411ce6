export { forgetImmutableReads } from '../immutable-reads';
export { forgetProcessCache } from '../process-cache';
