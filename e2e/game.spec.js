// The whole game in a browser (issue 4 §7): register, fly, meet a second player, chat, reload,
// survive a server restart. One test whose steps build on each other; each step ends with a
// screenshot in build/e2e/screenshots/<nn>-<step>.png, attached to the report.
import { expect, test } from '@playwright/test';

import { restartServer, serverLogEvents } from './harness.js';
import {
  gameStatus, imageStats, pressKey, registerThroughForm, shot, uniqueName, waitForStatus,
} from './helpers.js';

const PASSWORD = 'correct horse battery';

// The middle of the 1280x720 view, between the HUD windows docked at the edges: the scene.
const SCENE_CLIP = { x: 320, y: 60, width: 640, height: 440 };
// The left and right quarters, where the HUD docks its windows.
const HUD_CLIPS = [{ x: 0, y: 0, width: 256, height: 720 }, { x: 1024, y: 0, width: 256, height: 720 }];

// A joined, live game with the own ship in the world (telemetry is valid only then: the world
// of a keyframe reaches the prediction at the next frame).
const joined = (s) => s.link_live === true && s.has_world === true && s.ship_id > 0 &&
  Number.isFinite(s.speed_m_s);

// Collects what went wrong inside a page, to fail the test on uncaught errors and to attach the
// console to the report.
function watchPage(page, label, lines) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${label}: ${error.message}`));
  page.on('console', (message) => lines.push(`${label} [${message.type()}] ${message.text()}`));
  return errors;
}

test('two players fly, meet, chat, and keep playing through a reload and a server restart',
  async ({ browser }, testInfo) => {
    const consoleLines = [];
    const first = { username: uniqueName('ace'), shipClass: 'fast_frigate' };
    const second = { username: uniqueName('hauler'), shipClass: 'cargo_hauler' };
    const contextA = await browser.newContext();
    const pageA = await contextA.newPage();
    const errorsA = watchPage(pageA, 'A', consoleLines);
    let contextB = null;
    let pageB = null;
    let errorsB = [];
    // A step that, when it fails, leaves a screenshot of each open page (<nn>-failed-<a|b>.png).
    const step = (title, body) => test.step(title, async () => {
      try {
        await body();
      } catch (error) {
        for (const [label, page] of [['a', pageA], ['b', pageB]]) {
          if (page && !page.isClosed()) {
            await shot(page, testInfo, `${title.slice(0, 2)}-failed-${label}`).catch(() => {});
          }
        }
        throw error;
      }
    });

    try {
      await step('01 register through the form, choosing a ship class', async () => {
        await registerThroughForm(pageA, { ...first, password: PASSWORD },
          () => shot(pageA, testInfo, '01-register'));
        expect(new URL(pageA.url()).pathname).toBe('/play.html');
      });

      let shipId = 0;
      await step('02 the game page loads, connects and receives the world', async () => {
        const status = await waitForStatus(pageA, joined, 'A joins the game', 90_000);
        shipId = status.ship_id;
        await shot(pageA, testInfo, '02-game-page');
        expect(status.ship_names).toContain(first.username);
      });

      await step('03 the canvas renders a scene, not a blank frame', async () => {
        await shot(pageA, testInfo, '03-scene');
        const stats = await imageStats(pageA, await pageA.screenshot({ clip: SCENE_CLIP }));
        testInfo.annotations.push({ type: 'scene pixels', description: JSON.stringify(stats) });
        // A cleared frame is one colour. The chase view shows stars, the own ship and its
        // marker: about 750 colours over 5 % of the area when this test was written.
        expect(stats.distinctColours).toBeGreaterThan(50);
        expect(stats.nonBackgroundShare).toBeGreaterThan(0.005);
      });

      let before = null;
      await step('04 the HUD shows speed and altitude', async () => {
        before = await waitForStatus(pageA, (s) => Number.isFinite(s.speed_m_s) &&
          Number.isFinite(s.altitude_m), 'A has telemetry');
        await shot(pageA, testInfo, '04-hud');
        // Spawned near Gateway Station, in a 5500 km Earth orbit (about 5.8 km/s).
        expect(before.reference_body).toBe('Earth');
        expect(before.altitude_m).toBeGreaterThan(5000e3);
        expect(before.altitude_m).toBeLessThan(6000e3);
        expect(before.speed_m_s).toBeGreaterThan(5000);
        expect(before.speed_m_s).toBeLessThan(6500);
        // ImGui draws its text (near white) into the canvas: the labels and numbers of the
        // windows docked at both edges cover about 1 % of each strip (none is in the scene).
        for (const clip of HUD_CLIPS) {
          const stats = await imageStats(pageA, await pageA.screenshot({ clip }));
          expect(stats.lightShare).toBeGreaterThan(0.002);
        }
        // Prediction: the drawn world advances every frame, not only when a server tick
        // arrives (10 a second): over 20 frames its game time rises at each frame and takes
        // more distinct values than there were server ticks.
        const frames = await pageA.evaluate(async () => {
          const out = [];
          for (let i = 0; i < 20; ++i) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const s = window.galaxy.status();
            out.push({ tick: s.server_tick, time: s.game_time_s });
          }
          return out;
        });
        const times = new Set(frames.map((f) => f.time));
        const ticks = new Set(frames.map((f) => f.tick));
        expect(times.size).toBeGreaterThan(ticks.size);
        for (let i = 1; i < frames.length; ++i) {
          expect(frames[i].time).toBeGreaterThanOrEqual(frames[i - 1].time);
        }
      });

      await step('05 full throttle (Z) changes the server-confirmed ship', async () => {
        const coasting = await gameStatus(pageA);
        // Coasting on a near-circular orbit the speed hardly changes: the drift over the last
        // steps (a few seconds) stays far below what the engine does below.
        expect(Math.abs(coasting.speed_m_s - before.speed_m_s)).toBeLessThan(0.5);
        expect(coasting.confirmed_throttle).toBe(0);
        await pageA.locator('#canvas').focus();
        await pressKey(pageA, 'z');
        await waitForStatus(pageA, (s) => s.throttle === 1, 'A predicts full throttle', 10_000);
        const confirmed = await waitForStatus(pageA, (s) => s.confirmed_throttle === 1,
          'the server confirms full throttle', 15_000);
        // The frigate accelerates at about 26 m/s^2. Its engine points along the orbit's normal
        // at spawn, so the speed grows by (a t)^2 / 2v: more than 1 m/s within about 5 s.
        const burning = await waitForStatus(pageA,
          (s) => Math.abs(s.speed_m_s - confirmed.speed_m_s) > 1.0 && s.fuel_kg < confirmed.fuel_kg,
          'the speed changes under thrust', 30_000);
        await shot(pageA, testInfo, '05-throttle');
        expect(burning.fuel_kg).toBeLessThan(coasting.fuel_kg);
        await pressKey(pageA, 'x');
        await waitForStatus(pageA, (s) => s.confirmed_throttle === 0, 'the engine is cut', 15_000);
      });

      await step('06 a second player registers and sees the first ship', async () => {
        contextB = await browser.newContext();
        pageB = await contextB.newPage();
        errorsB = watchPage(pageB, 'B', consoleLines);
        await registerThroughForm(pageB, { ...second, password: PASSWORD });
        const status = await waitForStatus(pageB, (s) => joined(s) &&
          Array.isArray(s.ship_names) && s.ship_names.includes(first.username),
          'B sees A\'s ship', 90_000);
        await shot(pageB, testInfo, '06-second-player');
        expect(status.ship_names).toContain(second.username);
        await waitForStatus(pageA, (s) => s.ship_names.includes(second.username), 'A sees B\'s ship');
      });

      await step('07 chat travels both ways', async () => {
        const hello = `hello from ${first.username}`;
        const reply = `o7 ${second.username} here`;
        await sendChat(pageA, hello);
        await waitForStatus(pageB, (s) => s.chat.some((line) => line.from === first.username &&
          line.text === hello), 'B receives A\'s chat', 15_000);
        await sendChat(pageB, reply);
        await waitForStatus(pageA, (s) => s.chat.some((line) => line.from === second.username &&
          line.text === reply), 'A receives B\'s chat', 15_000);
        await shot(pageB, testInfo, '07-chat-b');
        await shot(pageA, testInfo, '07-chat-a');
      });

      await step('08 a reload keeps the session', async () => {
        await pageA.reload();
        const status = await waitForStatus(pageA, joined, 'A rejoins after the reload', 90_000);
        // Still the game page: the stored session was used, not the login form.
        expect(new URL(pageA.url()).pathname).toBe('/play.html');
        await expect(pageA.locator('input[autocomplete="current-password"]')).toHaveCount(0);
        expect(status.ship_id).toBe(shipId);
        await shot(pageA, testInfo, '08-reload');
      });

      let joinsBefore = 0;
      await step('09 the server restarts', async () => {
        joinsBefore = serverLogEvents('player_joined').length;
        await restartServer();
        // The restarted server continued the saved world rather than making a new one.
        expect(serverLogEvents('world_recovered')).toHaveLength(1);
        await shot(pageA, testInfo, '09-server-restart');
      });

      await step('10 both clients reconnect on their own', async () => {
        for (const [page, label] of [[pageA, 'A'], [pageB, 'B']]) {
          const back = await waitForStatus(page, joined, `${label} is live again`, 90_000);
          await waitForStatus(page, (s) => s.server_tick > back.server_tick,
            `${label}'s server tick advances`, 15_000);
        }
        // The new server process saw both players authenticate and join again.
        await expect.poll(() => serverLogEvents('player_joined').slice(joinsBefore)
          .map((e) => e.username), { message: 'both players join the new server' })
          .toEqual(expect.arrayContaining([first.username, second.username]));
        const status = await gameStatus(pageA);
        expect(status.ship_id).toBe(shipId);
        expect(status.ship_names).toEqual(expect.arrayContaining([first.username, second.username]));
        await shot(pageA, testInfo, '10-reconnected');
      });

      expect([...errorsA, ...errorsB]).toEqual([]);
    } finally {
      await testInfo.attach('browser-console.txt', { body: consoleLines.join('\n'), contentType: 'text/plain' });
      if (contextB) await contextB.close();
      await contextA.close();
    }
  });

// Opens the chat (Enter with the canvas focused), types the line and sends it (Enter).
async function sendChat(page, text) {
  await page.locator('#canvas').focus();
  await pressKey(page, 'Enter');
  // The chat line takes the keyboard a frame or two after the Enter that opened it is up; keys
  // typed before that fly the ship instead (at a loaded machine's 6 fps the first letter was lost).
  await waitForStatus(page, (s) => s.typing === true, 'the chat line takes the keyboard', 15_000);
  await page.keyboard.type(text);
  await pressKey(page, 'Enter');
}
