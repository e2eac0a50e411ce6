export { InvalidSettingError } from '@medallion/settings';

/**
 * A suite holds a rule the registry (`SILVER_RULES`) does not: silver's batches may run on worker
 * threads, which receive row rules by name and take them from the registry (a function cannot cross
 * to a thread), so such a rule would be dropped there. It is refused instead, on every path.
 */
export class UnregisteredRuleError extends Error {
  override readonly name = 'UnregisteredRuleError';

  /** @param rule - the rule's name as the suite gives it. */
  constructor(readonly rule: string) {
    super(
      `row rule "${rule}" is not the registry's (SILVER_RULES in libs/silver-rules/src/rules.ts): silver's batches take row rules from the registry by name, so a suite may choose and order registered row rules but not bring its own`,
    );
  }
}
