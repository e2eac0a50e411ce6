import { describe, expect, it } from 'vitest';
import { bucketNameProblem } from '../src';

describe('bucketNameProblem', () => {
  it.each(['medallion-lake', 'abc', 'a.b-c', '1bucket', 'a'.repeat(63), 'my.lake.2026'])('accepts %j', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['ab', 'be 3 to 63 characters long'],
    ['a'.repeat(64), 'be 3 to 63 characters long'],
    ['x/y', 'hold only lower-case letters, digits, dots (.) and hyphens (-)'],
    ['My_Bucket', 'hold only lower-case letters, digits, dots (.) and hyphens (-)'],
    ['-lake', 'begin and end with a letter or digit'],
    ['lake.', 'begin and end with a letter or digit'],
    ['my..lake', 'not hold two dots in a row'],
    ['192.168.5.4', 'not look like an IP address (192.168.5.4)'],
    ['xn--lake', 'not begin with xn--, sthree- or amzn-s3-demo- (prefixes S3 reserves)'],
    ['sthree-lake', 'not begin with xn--, sthree- or amzn-s3-demo- (prefixes S3 reserves)'],
    ['lake-s3alias', 'not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3 (suffixes S3 reserves)'],
    ['lake.mrap', 'not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3 (suffixes S3 reserves)'],
  ])('refuses %j: a bucket name must %s', (name, rule) => {
    expect(bucketNameProblem(name)).toBe(`a bucket name must ${rule}`);
  });
});
