// The CostRuleError a cost rule throws, for tests that check its field and message.
import { CostRuleError } from '../../src/shared/domain/costs/s12';

export function ruleError(fn: () => unknown): CostRuleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CostRuleError) return err;
    throw err;
  }
  throw new Error('expected a CostRuleError');
}
