export { commitSilverTable, type SilverCommitOptions, type SilverTestLake } from './commit-silver-table';
