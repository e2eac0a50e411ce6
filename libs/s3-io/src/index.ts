export { createS3Client, type S3ConnectionOptions } from './create-s3-client';
export { openObject, putObject, uploadStream, unquoteETag, type ObjectWrite, type OpenedObject } from './object-streams';
export { listObjects, type ListedObject } from './list-objects';
