/** A file that does not hold customer records as medallion writes them (a column missing, IDs out of order, metadata unreadable). The message never quotes values. */
export class CustomerRecordsFormatError extends Error {
  override readonly name = 'CustomerRecordsFormatError';
}
