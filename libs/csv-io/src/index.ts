export { DEFAULT_MAX_RECORD_CHARS, readCsvRecords, type CsvReadOptions, type CsvRecord } from './read-csv-records';
export { createTextDecoder, NotUtf8Error, UnsupportedEncodingError, type TextEncoding } from './decode-text';
export { CsvWriter, formatCsv, isPlainRecord, type CsvOutputRecord } from './csv-writer';
export { CsvSyntaxError } from './errors';
export { escapeSpreadsheetCell, hasFormulaCell, unescapeSpreadsheetCell } from './spreadsheet-safety';
