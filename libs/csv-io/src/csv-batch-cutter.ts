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
  /** Inside a record past the forced cut, handed on in pieces (see `CsvBatch.oversized`). */
  private oversized = false;
  /** The first piece of the oversized record is still to be handed on. */
  private firstPiece = false;

  /**
   * @param batchBytes - the batch size to aim for (bytes): a batch ends at the first record end after it.
   * @param forcedCutBytes - the size (bytes) past which a batch with no record end in sight is cut anyway.
   * @param pieces - past the forced cut, hand on the whole records before the runaway one as a batch
   *   and the runaway one in pieces of about a chunk each (`CsvBatch.oversized`), so that memory stays
   *   bounded however long it runs; false: the forced cut's bytes are one batch, for the parser to fail.
   */
  constructor(
    private readonly batchBytes: number,
    private readonly forcedCutBytes: number,
    private readonly pieces = false,
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
    if (this.oversized) this.emitPiece();
    else if (this.partsBytes >= this.forcedCutBytes) {
      // No record end in sight (a runaway field): hand it on in pieces, or let the parser judge what is here.
      if (this.pieces && this.headerDone) this.startOversized();
      else this.emit(Buffer.concat(this.parts));
    }
    const batches = this.batches;
    this.chunk = NO_CHUNK;
    this.batches = [];
    return batches;
  }

  /** The last batch, when bytes are left after the input's end. */
  rest(): CsvBatch | undefined {
    if (this.oversized) {
      const bytes = Buffer.concat(this.parts);
      return { bytes, firstLine: this.firstLine, oversized: 'end', ...(this.inQuotes ? { unclosedQuote: true } : {}) };
    }
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
    if (this.oversized) return this.endOversized(end);
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

  /**
   * Past the forced cut: hands on the whole records held before the runaway one as a batch, then
   * the runaway record's first piece (the rare path: the held bytes are scanned again for the last
   * record end).
   */
  private startOversized(): void {
    const held = Buffer.concat(this.parts);
    const { end, breaks } = lastRecordEnd(held);
    const total = this.breaks;
    if (end > 0) {
      this.breaks = breaks;
      this.emit(held.subarray(0, end));
    }
    this.breaks = total - (end > 0 ? breaks : 0);
    this.parts = [held.subarray(end)];
    this.partsBytes = held.length - end;
    this.oversized = true;
    this.firstPiece = true;
    this.emitPiece();
  }

  /**
   * Hands on the held bytes of the oversized record as a piece, but for a CR at their end (a CRLF
   * may follow) and a character cut short (so that each piece is whole UTF-8), which wait for the next.
   */
  private emitPiece(): void {
    const bytes = Buffer.concat(this.parts);
    const cut = pieceEnd(bytes);
    this.batches.push({
      bytes: bytes.subarray(0, cut),
      firstLine: this.firstLine,
      oversized: this.firstPiece ? 'start' : 'part',
    });
    this.firstPiece = false;
    this.parts = cut < bytes.length ? [bytes.subarray(cut)] : [];
    this.partsBytes = bytes.length - cut;
  }

  /** The oversized record ends at `end` in the chunk: its last piece; batches go on after it. */
  private endOversized(end: number): void {
    this.oversized = false;
    const bytes = Buffer.concat([...this.parts, this.chunk.subarray(this.batchStart, end)]);
    this.batches.push({ bytes, firstLine: this.firstLine, oversized: 'end' });
    this.firstLine += this.breaks;
    this.breaks = 0;
    this.parts = [];
    this.partsBytes = 0;
    this.batchStart = end;
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

/**
 * The offset after the last record end outside quotes in bytes that start at a record start, and
 * the line breaks before it (a CR as the last byte is not counted: a LF may follow it).
 */
function lastRecordEnd(bytes: Uint8Array): { end: number; breaks: number } {
  let quoted = false;
  let breaks = 0;
  let last = { end: 0, breaks: 0 };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === LF || (byte === CR && i + 1 < bytes.length && bytes[i + 1] !== LF)) {
      breaks++;
      if (!quoted) last = { end: i + 1, breaks };
    }
  }
  return last;
}

/** Where a piece of an oversized record ends: before a CR at the end and before a UTF-8 character cut short. */
function pieceEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === CR) end--;
  let start = end - 1;
  while (start >= 0 && end - start <= 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = start >= 0 ? (bytes[start] ?? 0) : 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start >= 0 && start + length > end ? start : end;
}
