import { MedallionError } from '@medallion/errors';

export { InvalidSettingError } from '@medallion/settings';

/** Base class of the errors silver's rules raise: a rule outside the registry, a rule's own bug. (A setting they do not accept is @medallion/settings' InvalidSettingError.) */
export class SilverRulesError extends MedallionError {}

/**
 * A suite holds a rule the registry (`SILVER_RULES`) does not: silver's batches may run on worker
 * threads, which receive row rules by name and take them from the registry (a function cannot cross
 * to a thread), so such a rule would be dropped there. It is refused instead, on every path.
 */
export class UnregisteredRuleError extends SilverRulesError {
  /** @param rule - the rule's name as the suite gives it. */
  constructor(readonly rule: string) {
    super(
      `row rule "${rule}" is not the registry's (SILVER_RULES in libs/silver-rules/src/rules.ts): silver's batches take row rules from the registry by name, so a suite may choose and order registered row rules but not bring its own`,
    );
  }
}

/** A rule passed but what it checked is missing: a bug in the rule, never the data's fault. */
export class RuleInvariantError extends SilverRulesError {}
