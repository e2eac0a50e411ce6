export { forgetImmutableReads } from '../immutable-reads';
