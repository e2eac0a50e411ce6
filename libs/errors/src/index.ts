export { MedallionError } from './errors';
