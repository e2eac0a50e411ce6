import { sepLineDelimiter } from './delimiter';
import type { CsvBatch } from './split-csv-batches';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The chunk a cutter holds between chunks: none. */
const NO_CHUNK = new Uint8Array(0);

/**
 * Cuts CSV chunks into batches of whole records (see `splitCsvBatches`), keeping what a batch needs
 * across chunks: the bytes of the batch being built that came from earlier chunks, the line count,
 * whether the scan is inside quotes, and a CR at the end of the previous chunk.
 */
export class CsvBatchCutter {
  /** Bytes of the batch being built that came from earlier chunks. */
  private parts: Uint8Array[] = [];
  private partsBytes = 0;
  private firstLine = 1;
  /** Line breaks in the batch being built, up to the scan position. */
  private breaks = 0;
  private headerDone = false;
  /** The first record was a `sep=` line: the header after it is cut alone too. */
  private sepLineSeen = false;
  private inQuotes = false;
  /** The previous chunk ended with a CR: whether it was a lone one depends on this chunk's first byte. */
  private crAtChunkEnd = false;
  /** The chunk being cut. */
  private chunk: Uint8Array = NO_CHUNK;
  /** The batches ended in the chunk being cut. */
  private batches: CsvBatch[] = [];
  /** Where the batch being built starts in the chunk being cut. */
  private batchStart = 0;
  /** The chunk's next CR at or after the scan position (searched once per CR, not once per segment). */
  private nextCr = -1;

  /**
   * @param batchBytes - the batch size to aim for (bytes): a batch ends at the first record end after it.
   * @param forcedCutBytes - the size (bytes) past which a batch with no record end in sight is cut anyway.
   */
  constructor(
    private readonly batchBytes: number,
    private readonly forcedCutBytes: number,
  ) {}

  /**
   * Scans one chunk and returns the batches that end in it (the first is the header alone; after a
   * `sep=` first line, the header after it too); the
   * rest of the chunk waits for the next one, unless it is past the forced cut.
   *
   * @param chunk - the input's next bytes.
   * @returns the batches ended, in order (often none).
   */
  cut(chunk: Uint8Array): CsvBatch[] {
    this.chunk = chunk;
    this.batches = [];
    this.batchStart = 0;
    this.endCarriedCr();
    this.nextCr = chunk.indexOf(CR);
    this.scanChunk();
    const length = chunk.length;
    if (this.batchStart < length) {
      this.parts.push(chunk.subarray(this.batchStart));
      this.partsBytes += length - this.batchStart;
    }
    // No record end in sight (a runaway quoted field): let the parser judge what is here.
    if (this.partsBytes >= this.forcedCutBytes) this.emit(Buffer.concat(this.parts));
    const batches = this.batches;
    this.chunk = NO_CHUNK;
    this.batches = [];
    return batches;
  }

  /** The last batch, when bytes are left after the input's end. */
  rest(): CsvBatch | undefined {
    return this.partsBytes > 0 ? { bytes: Buffer.concat(this.parts), firstLine: this.firstLine } : undefined;
  }

  /** A CR that ended the previous chunk was a lone one (a line break) unless this chunk starts with LF. */
  private endCarriedCr(): void {
    if (!this.crAtChunkEnd) return;
    this.crAtChunkEnd = false;
    if (this.chunk[0] !== LF) {
      this.breaks++;
      if (!this.inQuotes) this.recordEnd(0);
    }
  }

  /** Quotes toggle the state; the bytes between them are scanned for line breaks. */
  private scanChunk(): void {
    const { chunk } = this;
    const length = chunk.length;
    for (let from = 0; from < length;) {
      const quote = chunk.indexOf(QUOTE, from);
      const to = quote === -1 ? length : quote;
      this.scan(from, to, this.inQuotes);
      if (quote === -1) break;
      this.inQuotes = !this.inQuotes;
      from = quote + 1;
    }
  }

  /** Scans bytes [from, to) for line breaks (and, outside quotes, record ends); byte by byte only where a CR is. */
  private scan(from: number, to: number, quoted: boolean): void {
    const { chunk } = this;
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = chunk.indexOf(CR, from);
    if (this.nextCr === -1 || this.nextCr >= to) {
      // No CR: only `\n` ends lines; find each with a native search.
      for (let at = chunk.indexOf(LF, from); at !== -1 && at < to; at = chunk.indexOf(LF, at + 1)) {
        this.breaks++;
        if (!quoted) this.recordEnd(at + 1);
      }
      return;
    }
    this.scanBytes(from, to, quoted);
  }

  /** Scans bytes [from, to) one by one, for LF, CRLF and lone CR line breaks. */
  private scanBytes(from: number, to: number, quoted: boolean): void {
    const { chunk } = this;
    const length = chunk.length;
    for (let i = from; i < to; i++) {
      const byte = chunk[i];
      if (byte === LF) {
        this.breaks++;
        if (!quoted) this.recordEnd(i + 1);
      } else if (byte === CR) {
        if (i + 1 === length) {
          this.crAtChunkEnd = true;
        } else if (chunk[i + 1] !== LF) {
          this.breaks++;
          if (!quoted) this.recordEnd(i + 1);
        }
      }
    }
  }

  /** Called at each record end outside quotes (`end`: the offset after its line break in the chunk). */
  private recordEnd(end: number): void {
    if (this.headerDone && this.partsBytes + end - this.batchStart < this.batchBytes) return;
    this.emit(Buffer.concat([...this.parts, this.chunk.subarray(this.batchStart, end)]));
    this.batchStart = end;
    if (!this.headerDone) this.headerDone = this.sepLineSeen || !(this.sepLineSeen = this.endedSepLine());
  }

  /** Whether the batch just ended (the file's first record) is a `sep=` line (see `sepLineDelimiter`). */
  private endedSepLine(): boolean {
    const last = this.batches.at(-1);
    if (last === undefined || last.bytes.length > 16) return false;
    return (
      sepLineDelimiter(
        Buffer.from(last.bytes)
          .toString('utf8')
          .replace(/\r?\n$|\r$/, ''),
      ) !== undefined
    );
  }

  /** Ends the batch being built with `bytes`; the next one starts on the line after its last break. */
  private emit(bytes: Uint8Array): void {
    this.batches.push({ bytes, firstLine: this.firstLine });
    this.firstLine += this.breaks;
    this.breaks = 0;
    this.parts = [];
    this.partsBytes = 0;
  }
}
