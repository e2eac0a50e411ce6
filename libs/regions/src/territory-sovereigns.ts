/**
 * The dependent territories of the `world-countries` dataset (its `independent: false` entries), by
 * ISO 3166-1 alpha-2 code, mapped to the code of the state they belong to: what decides whether a
 * value naming a territory beside a country (`"Denmark (Greenland)"`, `"Man, Ivory Coast"`) means
 * the territory or a place in that country. Left out: Antarctica (no state), and the entries whose
 * status is disputed (Western Sahara, Kosovo, Palestine, Taiwan).
 *
 * Source: ISO 3166-1's remarks on each territory ("part of", "administered by") and the UN's list of
 * non-self-governing territories; the Crown dependencies (Guernsey, Jersey, Isle of Man) are the
 * United Kingdom's.
 */
export const TERRITORY_SOVEREIGNS: Readonly<Record<string, string>> = {
  AI: 'GB',
  AS: 'US',
  AW: 'NL',
  AX: 'FI',
  BL: 'FR',
  BM: 'GB',
  BQ: 'NL',
  BV: 'NO',
  CC: 'AU',
  CK: 'NZ',
  CW: 'NL',
  CX: 'AU',
  FK: 'GB',
  FO: 'DK',
  GF: 'FR',
  GG: 'GB',
  GI: 'GB',
  GL: 'DK',
  GP: 'FR',
  GS: 'GB',
  GU: 'US',
  HK: 'CN',
  HM: 'AU',
  IM: 'GB',
  IO: 'GB',
  JE: 'GB',
  KY: 'GB',
  MF: 'FR',
  MO: 'CN',
  MP: 'US',
  MQ: 'FR',
  MS: 'GB',
  NC: 'FR',
  NF: 'AU',
  NU: 'NZ',
  PF: 'FR',
  PM: 'FR',
  PN: 'GB',
  PR: 'US',
  RE: 'FR',
  SH: 'GB',
  SJ: 'NO',
  SX: 'NL',
  TC: 'GB',
  TF: 'FR',
  TK: 'NZ',
  UM: 'US',
  VG: 'GB',
  VI: 'US',
  WF: 'FR',
  YT: 'FR',
};

/**
 * The countries whose name is also a subdivision's elsewhere, by ISO 3166-1 alpha-2 code, so that in
 * a value of several places any of their names (in any language the table holds) is a guess
 * (`"Atlanta, Georgia"`, `"Atlanta, Géorgie"` are the US state): Georgia. Source: the US states'
 * names against the dataset's country names (the only one shared).
 */
export const NAMES_SHARED_WITH_A_SUBDIVISION: ReadonlySet<string> = new Set(['GE']);
