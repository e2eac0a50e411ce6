export { RegionsError, RegionTableError } from './errors';
export { REGIONS, UNKNOWN_REGION, type Region } from './region';
export { lookupCountry, regionForCountry, type CountryMatch } from './region-lookup';
export { normalizeCountryName } from './normalize-country-name';
