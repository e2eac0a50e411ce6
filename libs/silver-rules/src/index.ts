export { InvalidSettingError, RuleInvariantError, SilverRulesError, UnregisteredRuleError } from './errors';
export {
  defaultExpectations,
  maxQuarantinedPercentSetting,
  FILE_EXPECTATIONS,
  ROW_EXPECTATIONS,
  rowExpectationsNamed,
  rowRuleNames,
  type ExpectationSuite,
  type FileExpectation,
  type RowExpectation,
} from './expectations';
export {
  MAX_CUSTOMER_ID_LENGTH,
  RULE_REGISTRY,
  ruleNamed,
  SILVER_RULES,
  type ExpectationAction,
  type RuleDeclaration,
  type RuleLevel,
  type SilverRuleName,
} from './rules';
export { evaluateRecord, formatFailures, type RecordVerdict, type RuleFailure } from './evaluate-record';
export { resolveBronzeColumns, type BronzeColumns } from './resolve-bronze-columns';
