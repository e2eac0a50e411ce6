/**
 * S3's naming rules for general purpose buckets (Amazon S3 User Guide, "General purpose bucket
 * naming rules"), each with how it is said when a name breaks it; the embedded store refuses what
 * S3 refuses.
 */
const RULES: ReadonlyArray<readonly [broken: (name: string) => boolean, rule: string]> = [
  [(name) => name.length < 3 || name.length > 63, 'be 3 to 63 characters long'],
  [(name) => !/^[a-z0-9.-]+$/.test(name), 'hold only lower-case letters, digits, dots (.) and hyphens (-)'],
  [(name) => !/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name), 'begin and end with a letter or digit'],
  [(name) => name.includes('..'), 'not hold two dots in a row'],
  [(name) => /^\d{1,3}(\.\d{1,3}){3}$/.test(name), 'not look like an IP address (192.168.5.4)'],
  [
    (name) => /^(xn--|sthree-|amzn-s3-demo-)/.test(name),
    'not begin with xn--, sthree- or amzn-s3-demo- (prefixes S3 reserves)',
  ],
  [
    (name) => /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name),
    'not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3 (suffixes S3 reserves)',
  ],
];

/**
 * Which of S3's bucket naming rules a name breaks, if any.
 *
 * @param name - a bucket name, e.g. `medallion-lake`.
 * @returns the first rule broken, as `a bucket name must …`; undefined for a name S3 accepts.
 * @example bucketNameProblem('My_Bucket') // 'a bucket name must hold only lower-case letters, digits, dots (.) and hyphens (-)'
 */
export function bucketNameProblem(name: string): string | undefined {
  const broken = RULES.find(([breaks]) => breaks(name));
  return broken ? `a bucket name must ${broken[1]}` : undefined;
}
