import { settingsReadBy, type Setting } from '@medallion/settings';

/** Every `MEDALLION_*` setting an aggregate layer (gold, platinum) reads: the registry's entries naming gold; its handler checks them all at each invocation. */
export const AGGREGATE_SETTINGS: readonly Setting<unknown>[] = settingsReadBy('gold');
