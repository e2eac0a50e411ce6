import { MedallionError } from '@medallion/errors';

/** Base class of the errors event parsing raises: an input that is not an event it reads. */
export class S3EventsError extends MedallionError {}

/** The input was not an S3 notification, an S3 test event, an EventBridge S3 event or an SQS batch of them. */
export class UnsupportedEventError extends S3EventsError {}
