// The login page shows the server's errors with their codes (docs/server.md, Accounts API).
import { expect, test } from '@playwright/test';

import { openLoginForm, openRegisterForm, shot, uniqueName } from './helpers.js';

const PASSWORD = 'correct horse battery';

// An account made through the API, as another device would have made it.
async function registerThroughApi(request, username) {
  const response = await request.post('/api/auth/register', {
    data: { username, password: PASSWORD, ship_class: 'fast_frigate' },
  });
  expect(response.status()).toBe(201);
}

test('a wrong password shows the server\'s error E020 and stays on the login page',
  async ({ page, request }, testInfo) => {
    const username = uniqueName('login');
    await registerThroughApi(request, username);
    const form = await openLoginForm(page);
    await form.locator('input[autocomplete="username"]').fill(username);
    await form.locator('input[autocomplete="current-password"]').fill(`${PASSWORD} but wrong`);
    await form.locator('[type="submit"]').click();
    await expect(page.getByText(/E020/)).toBeVisible();
    await shot(page, testInfo, 'login-01-wrong-password');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('token');
  });

test('registering a taken username shows the server\'s error E019', async ({ page, request }, testInfo) => {
  const username = uniqueName('taken');
  await registerThroughApi(request, username);
  const form = await openRegisterForm(page);
  // Names are unique case-insensitively.
  await form.locator('input[autocomplete="username"]').fill(username.toUpperCase());
  await form.locator('input[autocomplete="new-password"]').fill(PASSWORD);
  await form.locator('[type="submit"]').click();
  await expect(page.getByText(/E019/)).toBeVisible();
  await shot(page, testInfo, 'login-02-username-taken');
  expect(new URL(page.url()).pathname).toBe('/');
});
