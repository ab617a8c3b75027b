// Browser end-to-end tests (e2e/): headless Debian Chromium against a real galaxy-server and a
// private PostgreSQL cluster, both started by e2e/global-setup.js. Run: npx playwright test.
// GALAXY_SERVER_BINARY and GALAXY_WEB_ROOT choose the build trees (default: what make test
// builds, build/native and build/wasm).
import { defineConfig } from '@playwright/test';

import { BASE_URL, E2E_DIR } from './e2e/harness.js';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.js',
  globalTeardown: './e2e/global-teardown.js',
  outputDir: `${E2E_DIR}/test-results`,
  // One worker: the machine has two cores, and the specs share one server (one restarts it).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Software WebGL (SwiftShader) takes 50-100 ms a frame, and the game spec walks through a
  // whole session: register twice, fly, chat, reload, restart the server.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: `${E2E_DIR}/report`, open: 'never' }],
  ],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
});
