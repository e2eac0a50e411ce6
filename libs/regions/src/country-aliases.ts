import type { Region } from './region';

/**
 * Country spellings that the `world-countries` dataset does not carry, mapped to the ISO 3166-1
 * alpha-2 code of the country they mean. Mostly legacy or long-form names emitted by common
 * fake-data generators (Python Faker's `en` address provider, which produced the original
 * project's sample files) and everyday abbreviations.
 *
 * Source: the spellings seen in the original project's sample data and Faker's country list,
 * checked against the dataset by this lib's tests.
 */
export const COUNTRY_ALIASES: ReadonlyArray<readonly [alias: string, cca2: string]> = [
  ['Antarctica (the territory South of 60 deg S)', 'AQ'],
  ['Bouvet Island (Bouvetoya)', 'BV'],
  ['British Indian Ocean Territory (Chagos Archipelago)', 'IO'],
  ['Holy See (Vatican City State)', 'VA'],
  ['Libyan Arab Jamahiriya', 'LY'],
  ['Slovakia (Slovak Republic)', 'SK'],
  ['Svalbard & Jan Mayen Islands', 'SJ'],
  ['Palestinian Territory', 'PS'],
  ['Palestinian Territories', 'PS'],
  ['Pitcairn Islands', 'PN'],
  ['Korea', 'KR'],
  ['Korea, Republic of', 'KR'],
  ["Korea, Democratic People's Republic of", 'KP'],
  ['Micronesia', 'FM'],
  ['Micronesia, Federated States of', 'FM'],
  ['Macedonia', 'MK'],
  ['Congo', 'CG'],
  ['Congo, Democratic Republic', 'CD'],
  ['Congo, The Democratic Republic of the', 'CD'],
  ['Democratic Republic of Congo', 'CD'],
  ['Congo-Brazzaville', 'CG'],
  ['Congo-Kinshasa', 'CD'],
  ['Swaziland', 'SZ'],
  ['Kyrgyz Republic', 'KG'],
  ['United States Virgin Islands', 'VI'],
  ['Saint Helena', 'SH'],
  ['Falkland Islands (Malvinas)', 'FK'],
  ['Heard Island and McDonald Islands', 'HM'],
  ['United States Minor Outlying Islands', 'UM'],
  ['Cape Verde', 'CV'],
  ['Burma', 'MM'],
  ['Czech Republic', 'CZ'],
  ['Turkey', 'TR'],
  ['Viet Nam', 'VN'],
  ['Iran, Islamic Republic of', 'IR'],
  ['Tanzania, United Republic of', 'TZ'],
  ['Venezuela, Bolivarian Republic of', 'VE'],
  ['Bolivia, Plurinational State of', 'BO'],
  ['Moldova, Republic of', 'MD'],
  ['Taiwan, Province of China', 'TW'],
  ["Lao People's Democratic Republic", 'LA'],
  ['Syrian Arab Republic', 'SY'],
  ['Russian Federation', 'RU'],
  ['Brunei Darussalam', 'BN'],
  ['Macao', 'MO'],
  ['USA', 'US'],
  ['U.S.A.', 'US'],
  ['U.S.', 'US'],
  ['America', 'US'],
  ['United States of America', 'US'],
  ['UK', 'GB'],
  ['U.K.', 'GB'],
  ['Great Britain', 'GB'],
  ['Britain', 'GB'],
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['UAE', 'AE'],
  ['Ivory Coast', 'CI'],
  ['East Timor', 'TL'],
  ['Holland', 'NL'],
  ['Vatican', 'VA'],
  ['Saint Martin', 'MF'],
  ['Reunion', 'RE'],
  ['Saint Barthelemy', 'BL'],
  // Everyday abbreviations and short forms.
  ['Holy See', 'VA'],
  ['DR Congo', 'CD'],
  ['D.R. Congo', 'CD'],
  ['ROK', 'KR'],
  ['DPRK', 'KP'],
  ['PRC', 'CN'],
  ['Mainland China', 'CN'],
  ['ROC', 'TW'],
  ['KSA', 'SA'],
  ['RSA', 'ZA'],
  ['NZ', 'NZ'],
  ['EEUU', 'US'],
  ['EE.UU.', 'US'],
  ['U.S. Virgin Islands', 'VI'],
  ['Hong Kong SAR', 'HK'],
  ['Macau SAR', 'MO'],
  ['Macao SAR', 'MO'],
  ['FYROM', 'MK'],
  ['Macedonia, FYR', 'MK'],
  ['Bosnia', 'BA'],
  ['Bosnia-Herzegovina', 'BA'],
  ['Czech Rep.', 'CZ'],
  ['Rep. of Korea', 'KR'],
  ['Republic of Ireland', 'IE'],
  ['Eire', 'IE'],
  ['Hellas', 'GR'],
  ['Falklands', 'FK'],
  ['Faroes', 'FO'],
  ['Cayman', 'KY'],
  ['Faroe', 'FO'],
  ['Aland', 'AX'],
  ['USA Virgin Islands', 'VI'],
  ['USVI', 'VI'],
  ['S. Korea', 'KR'],
  ['N. Korea', 'KP'],
  ['Congo DR', 'CD'],
  ['P.R. China', 'CN'],
  ["People's Republic of China", 'CN'],
  ['Gaza', 'PS'],
  ['West Bank', 'PS'],
];

/**
 * Islands and provinces that belong to a country without an ISO 3166-1 entry of their own, mapped
 * to that country: they are counted in its region (the Canary Islands in Europe with Spain, Easter
 * Island in South America with Chile), as the dataset counts a country's parts. Places that have
 * an entry (Greenland, Guadeloupe, Puerto Rico) keep their own. Source: ISO 3166-2 subdivision
 * names of the countries listed.
 */
export const PARTS_OF_COUNTRIES: ReadonlyArray<readonly [name: string, cca2: string]> = [
  ['Canary Islands', 'ES'],
  ['Balearic Islands', 'ES'],
  ['Azores', 'PT'],
  ['Madeira', 'PT'],
  ['Corsica', 'FR'],
  ['Sicily', 'IT'],
  ['Sardinia', 'IT'],
  ['Crete', 'GR'],
  ['Easter Island', 'CL'],
  ['Galapagos Islands', 'EC'],
  ['Galapagos', 'EC'],
  ['Hawaii', 'US'],
  ['Alaska', 'US'],
  ['Tasmania', 'AU'],
  ['Zanzibar', 'TZ'],
  ['Tahiti', 'PF'],
  ['Bonaire', 'BQ'],
  ['Sint Eustatius', 'BQ'],
  ['Saba', 'BQ'],
  ['Ascension Island', 'SH'],
  ['Tristan da Cunha', 'SH'],
  ['Tibet', 'CN'],
];

/**
 * The World Bank's country names (World Development Indicators, the names its data downloads
 * carry), where they differ from the dataset's: `"Congo, Dem. Rep."`, `"Korea, Rep."`. Source: the
 * World Bank's country list (data.worldbank.org/country), economies only (no aggregates).
 */
export const WORLD_BANK_NAMES: ReadonlyArray<readonly [name: string, cca2: string]> = [
  ['Bahamas, The', 'BS'],
  ['Congo, Dem. Rep.', 'CD'],
  ['Congo, Rep.', 'CG'],
  ['Egypt, Arab Rep.', 'EG'],
  ['Gambia, The', 'GM'],
  ['Hong Kong SAR, China', 'HK'],
  ['Iran, Islamic Rep.', 'IR'],
  ["Korea, Dem. People's Rep.", 'KP'],
  ['Korea, Rep.', 'KR'],
  ['Lao PDR', 'LA'],
  ['Macao SAR, China', 'MO'],
  ['Micronesia, Fed. Sts.', 'FM'],
  ['St. Martin (French part)', 'MF'],
  ['Sint Maarten (Dutch part)', 'SX'],
  ['Venezuela, RB', 'VE'],
  ['Virgin Islands (U.S.)', 'VI'],
  ['West Bank and Gaza', 'PS'],
  ['Yemen, Rep.', 'YE'],
  ['Taiwan, China', 'TW'],
  ['Korea, South', 'KR'],
  ['Korea, North', 'KP'],
];

/**
 * Former names of countries that still exist under another name (the country kept its ISO 3166-1
 * entry or received a new one), mapped to today's code. Source: ISO 3166-3 and the UN's lists of
 * member-state name changes.
 */
export const FORMER_NAMES: ReadonlyArray<readonly [name: string, cca2: string]> = [
  ['West Germany', 'DE'],
  ['Kirghizia', 'KG'],
  ['Byelorussia', 'BY'],
  ['Belorussia', 'BY'],
  ['Persia', 'IR'],
  ['Ceylon', 'LK'],
  ['Siam', 'TH'],
  ['Dahomey', 'BJ'],
  ['Upper Volta', 'BF'],
  ['Kampuchea', 'KH'],
  ['Rhodesia', 'ZW'],
  ['Zaire', 'CD'],
  ['Bechuanaland', 'BW'],
  ['Basutoland', 'LS'],
  ['Nyasaland', 'MW'],
  ['Tanganyika', 'TZ'],
  ['Gold Coast', 'GH'],
  ['Dutch Guiana', 'SR'],
  ['British Honduras', 'BZ'],
  ['East Pakistan', 'BD'],
  ['New Hebrides', 'VU'],
  ['Ellice Islands', 'TV'],
];

/**
 * Countries that no longer exist, so have no ISO 3166-1 entry (ISO 3166-3 withdrew them), mapped
 * straight to a region. Source: ISO 3166-3 withdrawn codes (AN, YU, CS, SU, DD, CS/Czechoslovakia); a former name of a country that still
 * exists (Zaire, Ceylon) is in {@link FORMER_NAMES} instead.
 */
export const HISTORIC_COUNTRIES: ReadonlyArray<readonly [name: string, region: Region]> = [
  ['Netherlands Antilles', 'Caribbean'],
  ['Yugoslavia', 'Europe'],
  ['Serbia and Montenegro', 'Europe'],
  ['Czechoslovakia', 'Europe'],
  ['Soviet Union', 'Europe'],
  ['USSR', 'Europe'],
  ['East Germany', 'Europe'],
];

/**
 * Places that name no single ISO 3166-1 entry but lie in one region: island groups shared by
 * several entries and territories whose status is disputed, mapped straight to a region.
 * Source: ISO 3166-1 (the Channel Islands are Jersey and Guernsey) and the region of the entry
 * each disputed territory is claimed by or lies in.
 */
export const PLACES_OF_ONE_REGION: ReadonlyArray<readonly [name: string, region: Region]> = [
  ['Channel Islands', 'Europe'],
  ['Northern Cyprus', 'Europe'],
  ['TRNC', 'Europe'],
  ['Transnistria', 'Europe'],
  ['Abkhazia', 'Asia'],
  ['South Ossetia', 'Asia'],
  ['Somaliland', 'Africa'],
];
