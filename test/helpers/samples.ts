// The published FOI material copied into test/fixtures/samples so the tests
// do not depend on what sits beside the checkout.
import { join } from 'node:path';

export const SAMPLES_DIR = 'test/fixtures/samples';

export function samplePath(name: string): string {
  return join(SAMPLES_DIR, name);
}
