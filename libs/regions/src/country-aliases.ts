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
];

/**
 * Countries that no longer exist, so have no ISO 3166-1 entry (ISO 3166-3 withdrew them), mapped
 * straight to a region. Source: ISO 3166-3 withdrawn codes (AN, YU, CS, SU, DD, ZR, CS/Czechoslovakia).
 */
export const HISTORIC_COUNTRIES: ReadonlyArray<readonly [name: string, region: Region]> = [
  ['Netherlands Antilles', 'Caribbean'],
  ['Yugoslavia', 'Europe'],
  ['Serbia and Montenegro', 'Europe'],
  ['Czechoslovakia', 'Europe'],
  ['Soviet Union', 'Europe'],
  ['USSR', 'Europe'],
  ['East Germany', 'Europe'],
  ['Zaire', 'Africa'],
];
