import type { S3Client } from '@aws-sdk/client-s3';
import { CsvWriter, type CsvOutputRecord } from '@medallion/csv-io';
import { uploadStream, type ObjectWrite, type StoredObject } from '@medallion/s3-io';

/**
 * Streams CSV records into one S3 object through a multipart upload, with back-pressure. The
 * object becomes visible only on {@link CsvObjectWriter.finish}; {@link CsvObjectWriter.abort}
 * discards it. Uploading starts with the first record, so an unused writer costs nothing.
 */
export class CsvObjectWriter {
  private writer: CsvWriter | undefined;
  private upload: Promise<StoredObject> | undefined;
  private readonly abortController = new AbortController();
  private records = 0;

  /**
   * @param s3 - the S3 client.
   * @param target - bucket, key, content type and metadata of the object to write.
   */
  constructor(
    private readonly s3: S3Client,
    private readonly target: Omit<ObjectWrite, 'contentType'>,
  ) {}

  /** Records written so far (header included). */
  get recordCount(): number {
    return this.records;
  }

  /**
   * Writes one record, starting the upload on the first.
   *
   * @param record - the record's fields, or its CSV text without the line break (see `CsvWriter.write`).
   * @throws the upload's error, once the upload has failed.
   */
  async write(record: CsvOutputRecord): Promise<void> {
    this.records++;
    await this.started().write(record);
  }

  /**
   * Writes whole records already formatted as CSV text (see `CsvWriter.writeText`), starting the upload if needed.
   *
   * @param text - the records' CSV text, each ended by `\n`; '' writes nothing.
   * @param records - how many records the text holds (for {@link CsvObjectWriter.recordCount}).
   * @throws the upload's error, once the upload has failed.
   */
  async writeText(text: string, records: number): Promise<void> {
    if (text.length === 0) return;
    this.records += records;
    await this.started().writeText(text);
  }

  private started(): CsvWriter {
    if (!this.writer) {
      const writer = new CsvWriter();
      this.writer = writer;
      this.upload = uploadStream(
        this.s3,
        { ...this.target, contentType: 'text/csv; charset=utf-8' },
        writer.output,
        this.abortController.signal,
      );
      this.upload.catch((error: unknown) =>
        writer.output.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    }
    return this.writer;
  }

  /**
   * Ends the stream and waits until the object is stored.
   *
   * @returns the stored object (key, ETag, version), or undefined when nothing was written (no object is created).
   * @throws the upload's error.
   */
  async finish(): Promise<StoredObject | undefined> {
    if (!this.writer || !this.upload) return undefined;
    this.writer.end();
    return this.upload;
  }

  /** Abandons the object: the upload is aborted and nothing becomes visible. Never throws. */
  async abort(): Promise<void> {
    if (!this.upload) return;
    this.abortController.abort(new Error('aborted'));
    await this.upload.catch(() => undefined);
  }
}
