import { settingsReadBy, type Setting } from '@medallion/settings';

/** Every `MEDALLION_*` setting silver reads (the registry's entries naming it); its handler checks them all at each invocation. */
export const SILVER_SETTINGS: readonly Setting<unknown>[] = settingsReadBy('silver');
