import type { Setting } from './setting';

/**
 * The help text listing settings, one block each: the name, what it accepts and its default.
 *
 * @param settings - the settings a command honours, from the registry.
 * @returns the text, starting with `Environment variables:`, each setting on two indented lines.
 */
export function settingsHelp(settings: readonly Setting<unknown>[]): string {
  const blocks = settings.map(
    (setting) => `  ${setting.name}\n      ${setting.accepts}; default: ${setting.defaultText}`,
  );
  return ['Environment variables:', ...blocks].join('\n');
}
