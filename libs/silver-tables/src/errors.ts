import { MedallionError } from '@medallion/errors';

/** Base class of @medallion/silver-tables' errors (reading committed silver tables). */
export class SilverTablesError extends MedallionError {}

/**
 * A committed silver table whose bytes are not the ones its manifest names: it was rewritten after
 * the manifest (only where reads cannot name a version). Silver's retry writes a new manifest for
 * it; the reader starts over.
 */
export class SilverTableChangedError extends SilverTablesError {}
