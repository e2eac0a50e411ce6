/** Base class of @medallion/customer-records' errors. */
export class CustomerRecordsError extends Error {
  override readonly name: string = 'CustomerRecordsError';
}

/** A file that does not hold customer records as medallion writes them (a column missing, IDs out of order, metadata unreadable). The message never quotes values. */
export class CustomerRecordsFormatError extends CustomerRecordsError {
  override readonly name = 'CustomerRecordsFormatError';
}
