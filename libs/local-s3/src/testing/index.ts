export { startTestLake, type TestLake } from './test-lake';
