// Playwright global teardown: runs after the last test whether it passed or not.
import { tearDown } from './harness.js';

export default async function globalTeardown() {
  await tearDown();
}
