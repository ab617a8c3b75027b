// The session bindings (galaxy-session.js, built by the WASM tree's galaxy-session target) under
// Node: the C++ Session talking to the C++ LocalServer, driven and inspected from JavaScript.
// GALAXY_SESSION_JS points at another build's module.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const modulePath = process.env.GALAXY_SESSION_JS ?? '../../build/wasm/wasm/galaxy-session.js';

const TICK_MS = 100; // the local server's default 10 Hz

let galaxy;

beforeAll(async () => {
  const factory = require(modulePath);
  galaxy = await factory();
});

// A session joined to a local server with `ships` scripted ships, at client time 0.
function joined(ships = 5) {
  const server = new galaxy.LocalServer(ships, 3, 0);
  const session = new galaxy.Session();
  server.poll(0, session);
  session.advance(0);
  return { server, session };
}

// Runs both sides frame by frame (60 Hz) from `from` to `to` ms; returns `to`.
function run(server, session, from, to) {
  for (let now = from; now <= to; now += 16) {
    server.poll(now, session);
    session.advance(now);
  }
  server.poll(to, session);
  session.advance(to);
  return to;
}

describe('Session with a LocalServer', () => {
  it('gets the world, its ship and the welcome from the first poll', () => {
    const { server, session } = joined();
    expect(session.hasWorld()).toBe(true);
    expect(session.ownShipId()).toBe(server.pilotShipId());
    const ship = session.ownShip();
    expect(ship.name).toBe('Pilot');
    expect(ship.position).toHaveLength(3);
    expect(ship.position.every(Number.isFinite)).toBe(true);
    expect(ship.fuel_kg).toBeGreaterThan(0);
    expect(session.stats().keyframes).toBe(1);
    expect(session.stateHash()).toBe(server.stateHash());
    expect(session.stateHash()).toMatch(/^\d+$/);
  });

  it('advances the server tick as time passes, with matching hashes', () => {
    const { server, session } = joined();
    run(server, session, 0, 20 * TICK_MS);
    const stats = session.stats();
    expect(stats.server_tick).toBe(20);
    expect(stats.hash_checks).toBe(2); // every 10th tick
    expect(stats.hash_mismatches).toBe(0);
    expect(stats.decode_errors).toBe(0);
    expect(session.stateHash()).toBe(server.stateHash());
    expect(session.gameTime()).toBeGreaterThanOrEqual(session.confirmedGameTime());
  });

  it('predicts a throttle command at once and confirms it after the ack', () => {
    const { server, session } = joined();
    let now = run(server, session, 0, 3 * TICK_MS);
    const seq = session.setThrottle(0.5, now);
    expect(seq).toBe(1);
    expect(session.ownShip().throttle).toBe(0.5);
    expect(session.confirmedOwnShip().throttle).toBe(0);
    expect(session.stats().pending_commands).toBe(1);
    now = run(server, session, now, now + 2 * TICK_MS);
    expect(session.confirmedOwnShip().throttle).toBe(0.5);
    expect(session.stats().pending_commands).toBe(0);
    expect(session.stateHash()).toBe(server.stateHash());
  });

  it('sends a control object with several fields as one command', () => {
    const { server, session } = joined();
    const seq = session.sendControl({ throttle: 0.25, attitude: 'PROGRADE' }, 0);
    expect(seq).toBe(1);
    expect(session.sendControl({ nothing: 1 }, 0)).toBe(0);
    run(server, session, 0, 2 * TICK_MS);
    const ship = session.confirmedOwnShip();
    expect(ship.throttle).toBe(0.25);
    expect(ship.attitude).toBe('PROGRADE');
  });

  it('answers pings and echoes chat', () => {
    const { server, session } = joined();
    expect(session.sendChat('hello', 0)).toBe(true);
    expect(session.sendChat('', 0)).toBe(false);
    run(server, session, 0, TICK_MS);
    expect(session.stats().ping_ms).toBeGreaterThanOrEqual(0);
    expect(session.serverTimeUs(0)).toBeGreaterThan(0);
    expect(session.takeNotices().map((n) => n.kind)).toEqual(['warning']); // the empty chat
  });

  it('counts a corrupted binary frame and answers it with a keyframe request', () => {
    const { session } = joined();
    session.takeOutgoing();
    session.receiveBinary(new Uint8Array([2, 0xff, 0x00, 0x13]), 10);
    expect(session.stats().decode_errors).toBe(1);
    const out = session.takeOutgoing().map((text) => JSON.parse(text));
    expect(out).toContainEqual({ type: 'keyframe_request' });
    const notices = session.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe('error');
  });

  it('recovers from the corruption with the keyframe the server sends', () => {
    const { server, session } = joined();
    session.receiveBinary(new Uint8Array([1, 2, 3]), 10);
    run(server, session, 10, 12 * TICK_MS);
    const stats = session.stats();
    expect(stats.keyframes).toBe(2);
    expect(stats.hash_mismatches).toBe(0);
    expect(session.stateHash()).toBe(server.stateHash());
  });

  it('takes text frames and reports malformed ones', () => {
    const session = new galaxy.Session();
    session.onConnected(0);
    session.receiveText('{"type":"chat"', 0);
    expect(session.stats().decode_errors).toBe(1);
    expect(session.hasWorld()).toBe(false);
    expect(session.ownShip()).toBeNull();
    session.onDisconnected(1);
  });
});
