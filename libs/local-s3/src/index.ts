export {
  localS3Environment,
  startLocalS3,
  type LocalObjectChange,
  type LocalS3,
  type LocalS3Options,
} from './start-local-s3';
export { EventRouter, type Delivery, type EventRoute, type EventShape, type PreparedEvent } from './event-router';
export { LocalS3Error } from './errors';
export { bucketNameProblem } from './bucket-name-rules';
