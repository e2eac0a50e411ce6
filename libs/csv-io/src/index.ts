export {
  DEFAULT_MAX_RECORD_CHARS,
  readCsvBatch,
  readCsvBatchFields,
  readCsvRecords,
  type CsvBatchReadOptions,
  type CsvReadOptions,
  type CsvRecord,
} from './read-csv-records';
export {
  splitCsvBatches,
  splitCsvStream,
  type CsvBatch,
  type CsvBatchOptions,
  type CsvStreamBatchOptions,
} from './split-csv-batches';
export {
  decideDelimiter,
  delimiterName,
  DETECTED_DELIMITERS,
  sepLineDelimiter,
  startsAsSepLine,
  type DelimiterDecision,
} from './delimiter';
export { createTextDecoder, type TextEncoding } from './decode-text';
export { CsvTextBuilder, CsvWriter, formatCsv, isPlainRecord, type CsvOutputRecord } from './csv-writer';
export {
  ChanceUtf8Error,
  CsvIoError,
  CsvSyntaxError,
  NotUtf8Error,
  reviveCsvSyntaxError,
  UnsupportedEncodingError,
} from './errors';
export { escapeSpreadsheetCell, hasFormulaCell, unescapeSpreadsheetCell } from './spreadsheet-safety';
