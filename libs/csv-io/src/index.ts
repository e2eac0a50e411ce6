export { readCsvRecords, type CsvRecord } from './read-csv-records';
export { CsvWriter, formatCsv } from './csv-writer';
export { CsvSyntaxError } from './errors';
