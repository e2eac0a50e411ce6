import type { Region } from './region';
import { RegionTableError } from './errors';

/**
 * Maps a `world-countries` region and subregion (UN M49 geoscheme names) to medallion's taxonomy.
 *
 * Americas split three ways: `Caribbean`; `North America` for the dataset's "North America"
 * (Northern America) and "Central America"; `South America`. `Antarctic` becomes `Antarctica`.
 *
 * @param region - the dataset's `region`, e.g. `"Americas"`.
 * @param subregion - the dataset's `subregion`, e.g. `"Central America"`; may be empty.
 * @returns the taxonomy region.
 * @throws Error when the dataset carries a region this mapping does not know (a dataset upgrade
 *   changed its vocabulary; the region table's tests catch it).
 */
export function regionOfSubregion(region: string, subregion: string): Region {
  switch (region) {
    case 'Africa':
    case 'Asia':
    case 'Europe':
    case 'Oceania':
      return region;
    case 'Antarctic':
      return 'Antarctica';
    case 'Americas':
      if (subregion === 'Caribbean') return 'Caribbean';
      if (subregion === 'South America') return 'South America';
      if (subregion === 'North America' || subregion === 'Central America') return 'North America';
      break;
  }
  throw new RegionTableError(`world-countries region "${region}/${subregion}" has no medallion region`);
}
