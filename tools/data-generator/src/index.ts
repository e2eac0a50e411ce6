export { DATABLIST_HEADER, generateCustomerRows, STATUS_COLUMN, type CustomerRowOptions } from './generate-customers';
