// The /admin dashboard in a browser (issue 5 §5): an admin logs in through the ImGui form,
// pauses and resumes the world, takes a snapshot and restores it. The dashboard draws into a
// canvas, so there are no DOM buttons: it reports where it drew each named widget
// (window.galaxyAdmin.status().widgets, CSS pixels) and the test clicks there with the real
// mouse and types with the real keyboard. The server's own answer (GET /api/admin/status with
// the page's admin token) is what decides whether the world runs. Screenshots:
// build/e2e/screenshots/admin-<nn>-<step>.png.
import { expect, test } from '@playwright/test';

import { ADMIN_PASSWORD, ADMIN_USERNAME } from './harness.js';
import { imageStats, shot } from './helpers.js';

// Two readings of the server's tick this far apart tell a running world (10 ticks a second:
// about 11 ticks in between) from a paused one (none). It is the interval measured, not a wait
// for something to happen.
const TICK_CHECK_MS = 1100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The dashboard's state (AdminDashboard::status_json), or null before the page set it up.
function dashboardStatus(page) {
  return page.evaluate(() => (window.galaxyAdmin ? window.galaxyAdmin.status() : null));
}

// Polls the dashboard's state until predicate(state) holds; returns that state.
async function waitForDashboard(page, predicate, message, timeout = 30_000) {
  let last = null;
  await expect.poll(async () => {
    last = await dashboardStatus(page);
    return last !== null && predicate(last);
  }, { message, timeout, intervals: [100] }).toBe(true);
  return last;
}

// Resolves after `count` animation frames of the page (the dashboard reads input once a frame).
function frames(page, count = 2) {
  return page.evaluate((n) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), count);
}

// Clicks the widget the dashboard registered as `key`: moves there, presses and releases with
// frames in between, so ImGui sees hover, press and release in separate frames as with a person.
async function clickWidget(page, key) {
  const state = await waitForDashboard(page, (s) => s.widgets[key] !== undefined,
    `the dashboard draws ${key}`);
  const rect = state.widgets[key];
  await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await frames(page);
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
  await frames(page);
}

// Clicks an input field and replaces its text by typing. ImGui reads keys once a frame, so
// select-all, delete and the typing each get frames of their own: in one frame, Ctrl still held
// would turn Backspace into delete-word after the typed text went in.
async function typeInto(page, key, text) {
  await clickWidget(page, key);
  await page.keyboard.press('Control+A');
  await frames(page);
  await page.keyboard.press('Backspace');
  await frames(page);
  await page.keyboard.type(text);
  await frames(page);
}

// The newest log entry of `action` once it is there (the dashboard logs every action's answer).
async function actionResult(page, action) {
  const state = await waitForDashboard(page, (s) => s.log.some((e) => e.action === action),
    `the dashboard logs the answer to "${action}"`);
  return state.log.filter((e) => e.action === action).at(-1);
}

// GET /api/admin/status with the admin token the page holds (its sessionStorage).
async function serverStatus(page, request) {
  const token = await page.evaluate(() => window.galaxyAdmin.api.session()?.token ?? null);
  expect(token, 'the page holds an admin token').not.toBeNull();
  const response = await request.get('/api/admin/status', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

// Two server readings TICK_CHECK_MS apart.
async function tickTwice(page, request) {
  const first = await serverStatus(page, request);
  await sleep(TICK_CHECK_MS);
  const second = await serverStatus(page, request);
  return [first, second];
}

test('an admin logs in, pauses and resumes the world, takes a snapshot and restores it',
  async ({ page, request }, testInfo) => {
    const errors = [];
    const consoleLines = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const step = (title, body) => test.step(title, async () => {
      try {
        await body();
      } catch (error) {
        await shot(page, testInfo, `admin-${title.slice(0, 2)}-failed`).catch(() => {});
        throw error;
      }
    });

    try {
      await step('01 a wrong password shows the server\'s error with its code', async () => {
        await page.goto('/admin/');
        await waitForDashboard(page, (s) => s.widgets['login.password'] !== undefined,
          'the login form is drawn', 90_000);
        await typeInto(page, 'login.username', ADMIN_USERNAME);
        await typeInto(page, 'login.password', 'not the password');
        await page.keyboard.press('Enter');
        const state = await waitForDashboard(page, (s) => s.login_error !== '', 'the login fails');
        expect(state.logged_in).toBe(false);
        expect(state.login_error).toContain('(E020)');
        await shot(page, testInfo, 'admin-01-login-error');
      });

      await step('02 the admin logs in through the form', async () => {
        // A fresh form: select-all in a field ImGui still holds active after Enter was
        // unreliable under a loaded machine's frame rate (see typeInto).
        await page.goto('/admin/');
        await waitForDashboard(page, (s) => s.widgets['login.password'] !== undefined,
          'the login form is drawn again', 90_000);
        await typeInto(page, 'login.username', ADMIN_USERNAME);
        await typeInto(page, 'login.password', ADMIN_PASSWORD);
        await shot(page, testInfo, 'admin-02-login');
        await clickWidget(page, 'login.submit');
        const state = await waitForDashboard(page, (s) => s.logged_in, 'the admin is logged in');
        expect(state.username).toBe(ADMIN_USERNAME);
      });

      await step('03 status, plots and map fill in', async () => {
        // Three status polls (one a second) give the plots a line; the map has the Sun and more.
        const state = await waitForDashboard(page, (s) => s.history_samples >= 3 && s.map.valid &&
          s.map.bodies > 1 && s.status && s.status.tick > 0,
          'the status and the map arrive', 30_000);
        expect(state.status.paused).toBe(false);
        expect(state.status.database_up).toBe(true);
        await shot(page, testInfo, 'admin-03-dashboard');
        // The map is more than its background: bodies, labels and the scale bar (a blank map
        // is one colour; a few hundred colours were seen when this test was written).
        const map = state.widgets['map.canvas'];
        const mapStats = await imageStats(page, await page.screenshot({
          clip: { x: map.x, y: map.y, width: map.w, height: map.h } }));
        testInfo.annotations.push({ type: 'map pixels', description: JSON.stringify(mapStats) });
        expect(mapStats.distinctColours).toBeGreaterThan(10);
        expect(mapStats.nonBackgroundShare).toBeGreaterThan(0.001);
        // The plots are drawn (a constant series is a flat line on the frame's edge, so their
        // pixels say little): each has its widget and the history behind it.
        expect(state.widgets['status.plot.p99']).toBeDefined();
        expect(state.history_samples).toBeGreaterThanOrEqual(3);
      });

      await step('04 Pause stops the tick', async () => {
        await clickWidget(page, 'controls.pause');
        const result = await actionResult(page, 'pause');
        expect(result.ok, result.text).toBe(true);
        expect(result.answer.settings.paused).toBe(true);
        await waitForDashboard(page, (s) => s.status.paused === true &&
          s.widgets['controls.resume'] !== undefined, 'the dashboard shows the world paused');
        const [first, second] = await tickTwice(page, request);
        expect(first.paused).toBe(true);
        expect(second.tick).toBe(first.tick);
        await shot(page, testInfo, 'admin-04-paused');
      });

      await step('05 Resume starts it again', async () => {
        await clickWidget(page, 'controls.resume');
        const result = await actionResult(page, 'resume');
        expect(result.ok, result.text).toBe(true);
        const [first, second] = await tickTwice(page, request);
        expect(first.paused).toBe(false);
        expect(second.tick).toBeGreaterThan(first.tick);
      });

      let snapshotId = 0;
      await step('06 a snapshot is taken and appears in the table', async () => {
        await clickWidget(page, 'snapshots.create');
        const result = await actionResult(page, 'create snapshot');
        expect(result.ok, result.text).toBe(true);
        expect(result.status).toBe(201);
        snapshotId = result.answer.snapshot.id;
        expect(result.answer.snapshot.kind).toBe('manual');
        const state = await waitForDashboard(page,
          (s) => s.snapshots.some((x) => x.id === snapshotId) &&
                 s.widgets[`snapshots.restore.${snapshotId}`] !== undefined,
          'the new snapshot is listed with its Restore button');
        expect(state.snapshots[0].id).toBe(snapshotId);   // newest first
        await shot(page, testInfo, 'admin-06-snapshot');
      });

      await step('07 restoring it asks first, then the world runs from it', async () => {
        await clickWidget(page, `snapshots.restore.${snapshotId}`);
        await waitForDashboard(page, (s) => s.confirmation !== null &&
          s.widgets['confirm.ok'] !== undefined, 'the confirmation popup opens');
        await shot(page, testInfo, 'admin-07-confirm');
        await clickWidget(page, 'confirm.ok');
        const result = await actionResult(page, `restore snapshot ${snapshotId}`);
        expect(result.ok, result.text).toBe(true);
        expect(result.answer.restored_id).toBe(snapshotId);
        expect(result.answer.state_hash).toMatch(/^[0-9a-f]{16}$/);
        const [first, second] = await tickTwice(page, request);
        expect(first.paused).toBe(false);
        expect(second.tick).toBeGreaterThan(first.tick);
        // Ticks never go back: the restored world keeps counting from where the server was.
        expect(first.tick).toBeGreaterThanOrEqual(result.answer.tick);
        await waitForDashboard(page, (s) => s.confirmation === null, 'the popup closes');
        await shot(page, testInfo, 'admin-07-restored');
      });

      await step('08 a reload stays logged in', async () => {
        await page.reload();
        const state = await waitForDashboard(page, (s) => s.frames > 2, 'the dashboard runs again',
          90_000);
        expect(state.logged_in).toBe(true);
        expect(state.widgets['login.password']).toBeUndefined();
      });

      expect(errors).toEqual([]);
    } finally {
      await testInfo.attach('console', { body: consoleLines.join('\n'),
                                         contentType: 'text/plain' });
    }
  });
