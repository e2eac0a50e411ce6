export { createS3Client, type S3ConnectionOptions } from './create-s3-client';
export { DeleteFailedError, MissingBodyError, S3IoError } from './errors';
export {
  currentETag,
  deleteObject,
  deleteObjectIfMatch,
  deleteObjects,
  headObject,
  isConditionFailed,
  isMissingObject,
  openObject,
  putObject,
  readJsonObject,
  readObjectBytes,
  readObjectBytesUnlessMatch,
  unquoteETag,
  uploadPartBytes,
  uploadStream,
  type ObjectBytes,
  type ObjectHead,
  type ObjectWrite,
  type OpenedObject,
  type StoredObject,
  type WriteCondition,
} from './object-streams';
export { listObjects, type ListedObject } from './list-objects';
