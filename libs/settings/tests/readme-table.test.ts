import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS, usedByOf } from '../src';

const ROOT = join(import.meta.dirname, '../../..');

/** The rows of the README's "Settings" table: variable, used by, accepts, default. */
function readmeSettings(): { name: string; usedBy: string; accepts: string; defaultText: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Settings\n')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const [name, usedBy, accepts, defaultText] = row
      .split('|')
      .slice(1, 5)
      .map((cell) => cell.trim());
    return { name: name!.replace(/^`|`$/g, ''), usedBy: usedBy!, accepts: accepts!, defaultText: defaultText! };
  });
}

/** Every `MEDALLION_*` name in the apps', libs' and tools' sources and the README. */
function namesInSources(): Set<string> {
  const names = new Set<string>();
  const files = ['apps', 'libs', 'tools'].flatMap((top) =>
    readdirSync(join(ROOT, top), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('node_modules'))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  for (const file of [...files, join(ROOT, 'README.md')])
    for (const match of readFileSync(file, 'utf8').matchAll(/\bMEDALLION_[A-Z0-9_]*[A-Z0-9]\b/g)) names.add(match[0]);
  return names;
}

describe('the settings registry', () => {
  it('is the README "Settings" table, row for row: name, used by, accepts, default', () => {
    expect(readmeSettings()).toEqual(
      SETTINGS.map((setting) => ({
        name: setting.name,
        usedBy: usedByOf(setting),
        accepts: setting.accepts,
        defaultText: setting.defaultText,
      })),
    );
  });

  it('names each variable once, and every MEDALLION_* variable the code or README names', () => {
    const registered = SETTINGS.map((setting) => setting.name);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...namesInSources()].sort()).toEqual([...registered].sort());
  });
});
