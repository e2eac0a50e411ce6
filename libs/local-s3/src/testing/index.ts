export { startTestLake, type TestLake } from './test-lake';
export { injectS3Faults, type FaultInjector, type FaultKind, type FaultRule } from './s3-fault-injector';
