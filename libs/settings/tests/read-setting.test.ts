import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  BENCH_MEMORY,
  CHECKPOINT_SEGMENT_COMMITS,
  InvalidSettingError,
  MAX_QUARANTINED_PERCENT,
  MAX_RECORD_CHARS,
  readSetting,
  REGION,
  S3_ENDPOINT,
  settingsHelp,
  type Setting,
  STAGE,
  WORKER_THREADS,
} from '../src';

describe('readSetting', () => {
  it('gives undefined for an unset or blank variable, for the caller default', () => {
    expect(readSetting({}, MAX_RECORD_CHARS)).toBeUndefined();
    expect(readSetting({ MEDALLION_MAX_RECORD_CHARS: '' }, MAX_RECORD_CHARS)).toBeUndefined();
    expect(readSetting({ MEDALLION_MAX_RECORD_CHARS: '  ' }, MAX_RECORD_CHARS)).toBeUndefined();
  });

  it('parses accepted values, trimmed', () => {
    expect(readSetting({ MEDALLION_MAX_RECORD_CHARS: ' 64 ' }, MAX_RECORD_CHARS)).toBe(64);
    expect(readSetting({ MEDALLION_MAX_QUARANTINED_PERCENT: '2.5' }, MAX_QUARANTINED_PERCENT)).toBe(2.5);
    expect(readSetting({ MEDALLION_MAX_QUARANTINED_PERCENT: '100' }, MAX_QUARANTINED_PERCENT)).toBe(100);
    expect(readSetting({ MEDALLION_WORKER_THREADS: '0' }, WORKER_THREADS)).toBe(0);
    expect(readSetting({ MEDALLION_CHECKPOINT_SEGMENT_COMMITS: '2' }, CHECKPOINT_SEGMENT_COMMITS)).toBe(2);
    expect(readSetting({ MEDALLION_S3_ENDPOINT: 'http://127.0.0.1:4568' }, S3_ENDPOINT)).toBe('http://127.0.0.1:4568');
    expect(readSetting({ MEDALLION_STAGE: 'pr-42' }, STAGE)).toBe('pr-42');
    expect(readSetting({ MEDALLION_ACCOUNT: '123456789012' }, ACCOUNT)).toBe('123456789012');
    expect(readSetting({ MEDALLION_REGION: 'eu-west-1' }, REGION)).toBe('eu-west-1');
    expect(readSetting({ MEDALLION_BENCH_MEMORY: '1' }, BENCH_MEMORY)).toBe(true);
  });

  it('refuses any other value with an error naming the variable, the value and what it accepts', () => {
    expect(() => readSetting({ MEDALLION_MAX_QUARANTINED_PERCENT: '10%' }, MAX_QUARANTINED_PERCENT)).toThrow(
      new InvalidSettingError(
        'MEDALLION_MAX_QUARANTINED_PERCENT',
        '10%',
        "a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
      ),
    );
    expect(() => readSetting({ MEDALLION_WORKER_THREADS: 'many' }, WORKER_THREADS)).toThrow(
      'MEDALLION_WORKER_THREADS=many: give a whole number of worker threads, 0 to 64',
    );
    const refused: [Record<string, string>, Setting<unknown>][] = [
      [{ MEDALLION_MAX_RECORD_CHARS: '0' }, MAX_RECORD_CHARS],
      [{ MEDALLION_MAX_RECORD_CHARS: '1.5' }, MAX_RECORD_CHARS],
      [{ MEDALLION_MAX_RECORD_CHARS: '0x10' }, MAX_RECORD_CHARS],
      [{ MEDALLION_MAX_RECORD_CHARS: '1e3' }, MAX_RECORD_CHARS],
      [{ MEDALLION_MAX_QUARANTINED_PERCENT: '150' }, MAX_QUARANTINED_PERCENT],
      [{ MEDALLION_MAX_QUARANTINED_PERCENT: '-1' }, MAX_QUARANTINED_PERCENT],
      [{ MEDALLION_CHECKPOINT_SEGMENT_COMMITS: '1' }, CHECKPOINT_SEGMENT_COMMITS],
      [{ MEDALLION_S3_ENDPOINT: 'localhost:4568' }, S3_ENDPOINT],
      [{ MEDALLION_STAGE: 'Prod' }, STAGE],
      [{ MEDALLION_STAGE: 'my_stage' }, STAGE],
      [{ MEDALLION_ACCOUNT: '1234' }, ACCOUNT],
      [{ MEDALLION_REGION: 'Europe' }, REGION],
      [{ MEDALLION_BENCH_MEMORY: 'yes' }, BENCH_MEMORY],
    ];
    for (const [env, setting] of refused) expect(() => readSetting(env, setting)).toThrow(InvalidSettingError);
  });

  it('lists settings for --help with what each accepts and its default', () => {
    expect(settingsHelp([MAX_RECORD_CHARS, WORKER_THREADS])).toBe(
      [
        'Environment variables:',
        '  MEDALLION_MAX_RECORD_CHARS',
        '      a whole number of characters, 1 or more; default: 1048576',
        '  MEDALLION_WORKER_THREADS',
        "      a whole number of worker threads, 0 to 64; default: the machine's available parallelism, at most 4",
      ].join('\n'),
    );
  });
});
