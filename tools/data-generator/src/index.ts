export { DATABLIST_HEADER, generateCustomerRows } from './generate-customers';
