export { createS3Client, type S3ConnectionOptions } from './create-s3-client';
export {
  currentETag,
  deleteObject,
  isMissingObject,
  openObject,
  putObject,
  readJsonObject,
  unquoteETag,
  uploadPartBytes,
  uploadStream,
  type ObjectWrite,
  type OpenedObject,
  type StoredObject,
} from './object-streams';
export { listObjects, type ListedObject } from './list-objects';
