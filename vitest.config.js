// Vitest: the JavaScript layer's unit tests (tests/web), run under Node without a DOM; the
// modules take their browser dependencies as parameters and the tests pass fakes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/web/**/*.test.js'],
    environment: 'node',
  },
});
