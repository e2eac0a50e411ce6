import { describe, expect, it } from 'vitest';
import {
  BENCH_MEMORY,
  CODE_VERSION,
  InvalidRegistryError,
  MAX_QUARANTINED_PERCENT,
  numberSetting,
  readSetting,
  SETTINGS,
  settingsReadBy,
  textSetting,
} from '../src';

describe('the settings registry (settings.json)', () => {
  it('defines 14 variables, each once, in the README order', () => {
    const names = SETTINGS.map((setting) => setting.name);
    expect(names).toHaveLength(14);
    expect(new Set(names).size).toBe(14);
    expect(names.slice(0, 2)).toEqual(['MEDALLION_MAX_RECORD_CHARS', 'MEDALLION_MAX_QUARANTINED_PERCENT']);
    expect(names.at(-1)).toBe('MEDALLION_BENCH_MEMORY');
  });

  it('builds each kind of value from its entry', () => {
    expect(MAX_QUARANTINED_PERCENT.accepts).toMatch(/^a number from 0 to 100/);
    expect(readSetting({ MEDALLION_CODE_VERSION: 'abc123' }, CODE_VERSION)).toBe('abc123');
    expect(() => readSetting({ MEDALLION_CODE_VERSION: 'a b' }, CODE_VERSION)).toThrow(
      "MEDALLION_CODE_VERSION=a b: give a version label without spaces (the infra sets the bundle's content hash)",
    );
    expect(readSetting({ MEDALLION_BENCH_MEMORY: '1' }, BENCH_MEMORY)).toBe(true);
    expect(readSetting({ MEDALLION_BENCH_MEMORY: '0' }, BENCH_MEMORY)).toBe(false);
    expect(CODE_VERSION.note).toBe('the infra sets it');
    expect(CODE_VERSION.about).toBe('the code version a layer records in its manifests');
  });

  it('refuses a typed accessor of the wrong kind', () => {
    expect(() => numberSetting('MEDALLION_STAGE')).toThrow(InvalidRegistryError);
    expect(() => numberSetting('MEDALLION_STAGE')).toThrow(
      'settings.json: MEDALLION_STAGE is not of kind wholeNumber or percent',
    );
    expect(() => textSetting('MEDALLION_WORKER_THREADS')).toThrow(InvalidRegistryError);
    expect(textSetting('MEDALLION_STAGE').name).toBe('MEDALLION_STAGE');
  });

  it('lists the settings a reader honours', () => {
    expect(settingsReadBy('infra').map((setting) => setting.name)).toEqual([
      'MEDALLION_STAGE',
      'MEDALLION_ACCOUNT',
      'MEDALLION_REGION',
    ]);
  });
});
