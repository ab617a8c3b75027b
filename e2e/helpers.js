// Page-level helpers shared by the specs: screenshots, key presses the game can see, the
// game's status, pixel statistics and the register form.
import { expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { SCREENSHOT_DIR } from './harness.js';

// A username unique to this run (usernames are unique case-insensitively, 3-32 characters).
export function uniqueName(prefix) {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

// A screenshot of the page saved as <name>.png (e.g. "03-scene") and attached to the report.
export async function shot(page, testInfo, name) {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const png = await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return png;
}

// One press of `key` through Chromium's real input path, on the focused canvas. The game sees
// even a press shorter than a frame exactly once (App::key_callback holds such a release back
// for a frame), and the chat input takes focus only after the Enter that opened it is up.
export async function pressKey(page, key) {
  const focused = await page.evaluate(() => document.activeElement?.id || 'nothing');
  if (focused !== 'canvas') throw new Error(`the canvas does not have the focus (${focused} has)`);
  await page.keyboard.press(key);
}

// What the game shows, from window.galaxy.status() (App::status_json); null before the page
// has set window.galaxy up.
export async function gameStatus(page) {
  return page.evaluate(() => (window.galaxy && window.galaxy.status ? window.galaxy.status() : null));
}

// Polls the game's status until predicate(status) holds; returns that status.
export async function waitForStatus(page, predicate, message, timeout = 60_000) {
  let last = null;
  await expect.poll(async () => {
    last = await gameStatus(page);
    return last !== null && predicate(last);
  }, { message, timeout, intervals: [200] }).toBe(true);
  return last;
}

// Pixel statistics of a PNG, decoded by the browser: distinct colours (8-bit RGB), the share of
// pixels that differ from the most common colour (the background), and the share of light
// grey-to-white pixels (Dear ImGui's default text colour is near white).
export async function imageStats(page, png) {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = new Map();
    let light = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i];
      const g = data[i + 1];
      const b = data[i + 2];
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) || 0) + 1);
      if (r > 200 && g > 200 && b > 200) light++;
    }
    const pixels = data.length / 4;
    const background = Math.max(...counts.values());
    return {
      pixels,
      distinctColours: counts.size,
      nonBackgroundShare: (pixels - background) / pixels,
      lightShare: light / pixels,
    };
  }, png.toString('base64'));
}

// The login page's register form (the one asking for a new password), shown if the page
// toggles between logging in and registering.
export async function openRegisterForm(page) {
  await page.goto('/');
  const form = page.locator('form', { has: page.locator('input[autocomplete="new-password"]') });
  if (!(await form.isVisible())) {
    const name = /register|create/i;
    await page.getByRole('tab', { name }).or(page.getByRole('button', { name }))
      .or(page.getByRole('link', { name })).first().click();
  }
  await expect(form).toBeVisible();
  return form;
}

// The login page's login form (the one asking for the current password).
export async function openLoginForm(page) {
  await page.goto('/');
  const form = page.locator('form', { has: page.locator('input[autocomplete="current-password"]') });
  await expect(form).toBeVisible();
  return form;
}

// Registers through the register form and waits for the game page; onFilled (if given) runs
// with the form filled in, before it is sent.
export async function registerThroughForm(page, { username, password, shipClass }, onFilled) {
  const form = await openRegisterForm(page);
  await form.locator('input[autocomplete="username"]').fill(username);
  await form.locator('input[autocomplete="new-password"]').fill(password);
  const choice = form.locator(`[value="${shipClass}"]`);
  if ((await choice.evaluate((element) => element.tagName)) === 'OPTION') {
    await form.locator('select').selectOption(shipClass);
  } else {
    await choice.check();
  }
  if (onFilled) await onFilled();
  await form.locator('[type="submit"]').click();
  await page.waitForURL('**/play.html**');
}
