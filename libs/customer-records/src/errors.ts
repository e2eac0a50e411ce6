import { MedallionError } from '@medallion/errors';

/** Base class of @medallion/customer-records' errors. */
export class CustomerRecordsError extends MedallionError {}

/** A file that does not hold customer records as medallion writes them (a column missing, IDs out of order, metadata unreadable). The message never quotes values. */
export class CustomerRecordsFormatError extends CustomerRecordsError {}

/** Customer records can code at most 65,536 distinct Region values (16 bits a record); a table with more is refused. */
export class TooManyRegionsError extends CustomerRecordsError {
  constructor() {
    super('customer records hold more than 65,536 distinct Region values');
  }
}
