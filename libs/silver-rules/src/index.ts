export { InvalidSettingError } from './errors';
export {
  defaultExpectations,
  maxQuarantinedPercentSetting,
  FILE_EXPECTATIONS,
  MAX_CUSTOMER_ID_LENGTH,
  ROW_EXPECTATIONS,
  type ExpectationAction,
  type ExpectationSuite,
  type FileExpectation,
  type RowExpectation,
} from './expectations';
export { evaluateRecord, formatFailures, type RecordVerdict, type RuleFailure } from './evaluate-record';
export { resolveBronzeColumns, type BronzeColumns } from './resolve-bronze-columns';
