import { MedallionError } from '@medallion/errors';

/** Base class of @medallion/regions' errors; it raises them only while it builds the lookup table at import. */
export class RegionsError extends MedallionError {}

/** The region table disagrees with itself or with world-countries (an alias naming an unknown code, a region without a medallion region): raised when the table is built, at import. */
export class RegionTableError extends RegionsError {}
