export {
  CSV_EXTENSIONS,
  hasCsvExtension,
  isObjectCreated,
  isObjectRemoved,
  MAX_OBJECT_KEY_BYTES,
  type ObjectEvent,
} from './object-event';
export { decodeS3EventKey, encodeS3EventKey } from './s3-key-encoding';
export { S3EventsError, UnsupportedEventError } from './errors';
export { parseObjectEvents } from './parse-object-events';
export { isQueueEvent, parseQueueMessages, type QueueMessage } from './parse-queue-messages';
export { buildEventBridgeEvent, buildS3NotificationEvent, type ObjectEventFacts } from './build-object-events';
export { compareSequencers } from './compare-sequencers';
