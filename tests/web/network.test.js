import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  Connection, DEFAULT_BACKOFF, DEFAULT_CONNECT_TIMEOUT_MS, PROTOCOL_VERSION, backoffCeilingMs,
  backoffDelayMs, socketUrl,
} from '../../web/js/network.js';
import { FakeWebSocket } from './fakes.js';

const WELCOME = JSON.stringify({
  type: 'welcome', protocol: 1, player_id: 42, username: 'alice', ship_id: 17, tick_rate_hz: 10,
  time_scale: 1, paused: false, hash_interval_ticks: 10,
});
const control = (seq) => JSON.stringify({ type: 'control', seq, throttle: 0.5 });

// A Connection on fake sockets and fake timers, recording every callback as [name, ...args].
function makeConnection(options = {}) {
  const log = [];
  const statuses = [];
  const connection = new Connection({
    url: 'ws://game.test/ws',
    getToken: () => 'tok-1',
    WebSocket: FakeWebSocket,
    now: () => Date.now(),
    random: () => 0.5,
    onOpen: (now) => log.push(['open', now]),
    onText: (text) => log.push(['text', text]),
    onBinary: (bytes) => log.push(['binary', Array.from(bytes)]),
    onClose: () => log.push(['close']),
    onStatus: (text, live) => statuses.push([text, live]),
    onEnd: (end) => log.push(['end', end.kind, end.message]),
    ...options,
  });
  return { connection, log, statuses };
}

// Opens the newest socket and welcomes it.
function join() {
  const socket = FakeWebSocket.last();
  socket.open();
  socket.text(WELCOME);
  return socket;
}

// Milliseconds until the next socket is created, found by running the fake timers one by one.
function msUntilNextSocket() {
  const before = FakeWebSocket.instances.length;
  const start = Date.now();
  for (let i = 0; i < 1000 && FakeWebSocket.instances.length === before; i += 1) {
    vi.advanceTimersToNextTimer();
  }
  expect(FakeWebSocket.instances.length).toBe(before + 1);
  return Date.now() - start;
}

// Closes the newest socket with `code` and measures the wait until the next one (0 when it
// was created at once).
function closeAndWait(code) {
  const before = FakeWebSocket.instances.length;
  FakeWebSocket.last().serverClose(code);
  return FakeWebSocket.instances.length > before ? 0 : msUntilNextSocket();
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
  FakeWebSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('backoff', () => {
  it('doubles from 0.5 s and is capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffCeilingMs(n)))
        .toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, factor: 2, capMs: 30000 });
  });

  it('uses full jitter: anywhere from 0 up to (not including) the ceiling', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.25)).toBe(1000);
    expect(backoffDelayMs(3, () => 0.999999)).toBe(3999);
    expect(backoffDelayMs(30, () => 0.999999)).toBe(29999);
  });
});

describe('socketUrl', () => {
  it('is ws:// for http pages and wss:// for https pages, at /ws of the same host', () => {
    expect(socketUrl({ protocol: 'http:', host: 'localhost:8000' })).toBe('ws://localhost:8000/ws');
    expect(socketUrl({ protocol: 'https:', host: 'galaxy.example' }))
        .toBe('wss://galaxy.example/ws');
  });
});

describe('connecting', () => {
  it('sends auth first, then tells the game it is connected', () => {
    const { connection, log, statuses } = makeConnection();
    connection.start();
    const socket = FakeWebSocket.last();
    expect(socket.url).toBe('ws://game.test/ws');
    expect(socket.binaryType).toBe('arraybuffer');
    expect(statuses).toEqual([['connecting', false]]);
    socket.open();
    expect(socket.sent.map((t) => JSON.parse(t))).toEqual([
      { type: 'auth', token: 'tok-1', protocol: PROTOCOL_VERSION },
    ]);
    expect(log).toEqual([['open', 1_000_000]]);
    expect(statuses.at(-1)).toEqual(['joining', false]);
  });

  it('is live after the welcome, and forwards text and binary frames in order', () => {
    const { connection, log, statuses } = makeConnection();
    connection.start();
    const socket = join();
    socket.binary([1, 2, 3]);
    socket.text('{"type":"ack","seq":1,"tick":5}');
    expect(connection.state).toBe('live');
    expect(statuses.at(-1)).toEqual(['live', true]);
    expect(log).toEqual([
      ['open', 1_000_000], ['text', WELCOME], ['binary', [1, 2, 3]],
      ['text', '{"type":"ack","seq":1,"tick":5}'],
    ]);
  });

  it('does not take another message mentioning "welcome" for the welcome', () => {
    const { connection } = makeConnection();
    connection.start();
    const socket = FakeWebSocket.last();
    socket.open();
    socket.text('{"type":"error","code":"E006","message":"say \\"welcome\\" first"}');
    expect(connection.state).toBe('joining');
  });

  it('sends when live', () => {
    const { connection } = makeConnection();
    connection.start();
    const socket = join();
    expect(connection.send(control(1))).toBe('sent');
    expect(socket.sent.at(-1)).toBe(control(1));
  });

  it('goes to the login page when there is no token', () => {
    const { connection, log } = makeConnection({ getToken: () => null });
    connection.start();
    expect(FakeWebSocket.instances).toEqual([]);
    expect(log).toEqual([['end', 'login', 'Your session expired: please log in again']]);
  });

  it('gives up on a socket that does not open in time and retries', () => {
    const { connection, statuses } = makeConnection();
    connection.start();
    const first = FakeWebSocket.last();
    vi.advanceTimersByTime(DEFAULT_CONNECT_TIMEOUT_MS - 1);
    expect(first.closedWith).toBeNull();
    vi.advanceTimersByTime(1);
    expect(first.closedWith).toBe(1000);
    expect(statuses.at(-1)[0]).toMatch(/^connection timed out: reconnecting in 1 s \(attempt 2\)$/);
    first.serverClose(1006);   // the late close event of the abandoned socket is ignored
    expect(connection.state).toBe('waiting');
  });
});

describe('reconnecting', () => {
  it('waits with growing, capped, jittered delays while attempts fail', () => {
    const { connection } = makeConnection({ random: () => 0.999 });
    connection.start();
    const waits = [];
    for (let i = 0; i < 9; i += 1) waits.push(closeAndWait(1006));
    // random 0.999 of each ceiling (500, 1000, ... 30000), floored to whole ms.
    expect(waits).toEqual([499, 999, 1998, 3996, 7992, 15984, 29970, 29970, 29970]);
  });

  it('stays within the jitter bounds for any random number', () => {
    for (const r of [0, 0.1, 0.5, 0.9]) {
      FakeWebSocket.reset();
      const { connection } = makeConnection({ random: () => r });
      connection.start();
      for (let n = 0; n < 8; n += 1) {
        const waited = closeAndWait(1006);
        expect(waited).toBe(Math.floor(r * backoffCeilingMs(n)));
        expect(waited).toBeLessThan(backoffCeilingMs(n));
      }
      connection.stop();
    }
  });

  it('counts down whole seconds and the attempt number in the status', () => {
    const { connection, statuses } = makeConnection({ random: () => 0.999 });
    connection.start();
    for (let i = 0; i < 3; i += 1) {
      FakeWebSocket.last().serverClose(1006);
      msUntilNextSocket();
    }
    statuses.length = 0;
    FakeWebSocket.last().serverClose(1006);   // 4th retry: 3996 ms
    vi.advanceTimersByTime(3996);
    expect(statuses).toEqual([
      ['connection lost: reconnecting in 4 s (attempt 5)', false],
      ['connection lost: reconnecting in 3 s (attempt 5)', false],
      ['connection lost: reconnecting in 2 s (attempt 5)', false],
      ['connection lost: reconnecting in 1 s (attempt 5)', false],
      ['connecting (attempt 5)', false],
    ]);
  });

  it('starts again from the shortest delay after a connection reached the welcome', () => {
    const { connection } = makeConnection({ random: () => 0.999 });
    connection.start();
    for (let i = 0; i < 4; i += 1) {
      FakeWebSocket.last().serverClose(1006);
      msUntilNextSocket();
    }
    join().serverClose(1006);
    expect(msUntilNextSocket()).toBe(499);
  });

  it('does not reset the delay for a connection that opened but was never welcomed', () => {
    const { connection } = makeConnection({ random: () => 0.999 });
    connection.start();
    FakeWebSocket.last().serverClose(1006);
    msUntilNextSocket();
    const socket = FakeWebSocket.last();
    socket.open();
    socket.serverClose(1011);
    expect(msUntilNextSocket()).toBe(999);
  });

  it('reconnectNow skips the rest of the wait', () => {
    const { connection } = makeConnection({ random: () => 0.999 });
    connection.start();
    FakeWebSocket.last().serverClose(1006);
    connection.reconnectNow();
    expect(FakeWebSocket.instances.length).toBe(2);
    connection.reconnectNow();   // not waiting any more: no third socket
    expect(FakeWebSocket.instances.length).toBe(2);
  });

  it('tells the game about each close of an opened socket, once', () => {
    const { connection, log } = makeConnection();
    connection.start();
    FakeWebSocket.last().serverClose(1006);   // never opened: no onClose
    msUntilNextSocket();
    join().serverClose(1006);
    expect(log.filter(([name]) => name === 'open' || name === 'close').map(([n]) => n))
        .toEqual(['open', 'close']);
  });
});

describe('close codes', () => {
  function closeLive(code, reason = '', options = {}) {
    const made = makeConnection({ random: () => 0.999, ...options });
    made.connection.start();
    join().serverClose(code, reason);
    return made;
  }

  it('1001 (server shutting down): reconnects and says why', () => {
    const { connection, statuses } = closeLive(1001, 'Server shutting down');
    expect(connection.state).toBe('waiting');
    expect(statuses.at(-1)).toEqual(
        ['server shutting down: reconnecting in 1 s (attempt 2)', false]);
    expect(msUntilNextSocket()).toBe(499);
  });

  for (const [code, words] of [[1006, 'connection lost'], [4004, 'connection too slow'],
                               [4007, 'idle timeout'], [1011, 'server error'],
                               [1008, 'too many messages'], [4003, 'authentication timed out'],
                               [1000, 'connection lost']]) {
    it(`${code}: reconnects with backoff (${words})`, () => {
      const { connection, statuses } = closeLive(code);
      expect(connection.state).toBe('waiting');
      expect(statuses.at(-1)[0]).toBe(`${words}: reconnecting in 1 s (attempt 2)`);
      expect(msUntilNextSocket()).toBe(499);
    });
  }

  it('4001 (auth failed): refreshes the token once and reconnects at once', async () => {
    let token = 'tok-1';
    const refreshToken = vi.fn(async () => {
      token = 'tok-2';
      return true;
    });
    const { connection, statuses } = closeLive(4001, 'Authentication failed',
                                               { getToken: () => token, refreshToken });
    expect(statuses.at(-1)).toEqual(['renewing the login', false]);
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.instances.length).toBe(2);
    FakeWebSocket.last().open();
    expect(JSON.parse(FakeWebSocket.last().sent[0]).token).toBe('tok-2');
    expect(connection.state).toBe('joining');
  });

  it('4001 twice without a welcome between: back to the login page', async () => {
    const refreshToken = vi.fn(async () => true);
    const { log } = closeLive(4001, 'Authentication failed', { refreshToken });
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeWebSocket.last();
    socket.open();
    socket.serverClose(4001, 'Authentication failed');
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(log.at(-1)).toEqual(['end', 'login',
                                'The server refused the login: please log in again']);
  });

  it('4001 after a failed refresh: back to the login page', async () => {
    const { connection, log } = closeLive(4001, 'Authentication failed',
                                          { refreshToken: async () => false });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.state).toBe('stopped');
    expect(FakeWebSocket.instances.length).toBe(1);
    expect(log.at(-1)[0]).toBe('end');
    expect(log.at(-1)[1]).toBe('login');
  });

  it('4001 while a refresh throws: treated as a failed refresh', async () => {
    const { log } = closeLive(4001, '', {
      refreshToken: async () => { throw new Error('offline'); },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.at(-1)[1]).toBe('login');
  });

  it('4002 (version mismatch): back to the login page with the server\'s reason', () => {
    const { connection, log } = closeLive(4002, 'Protocol version 1 not supported; server speaks 2');
    expect(connection.state).toBe('stopped');
    expect(log.at(-1)[1]).toBe('login');
    expect(log.at(-1)[2]).toMatch(/Protocol version 1 not supported; server speaks 2.*reload/);
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });

  it('4005 (replaced by another tab): stops, says so, and does not fight back', () => {
    const { connection, log, statuses } = closeLive(4005, 'Connected elsewhere');
    expect(connection.state).toBe('stopped');
    expect(statuses.at(-1)).toEqual(['connected elsewhere', false]);
    expect(log.at(-1)[1]).toBe('replaced');
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });

  it('4005 and then start(): the pilot chose to play here again', () => {
    const { connection } = closeLive(4005);
    connection.start();
    expect(FakeWebSocket.instances.length).toBe(2);
    expect(connection.state).toBe('connecting');
  });

  it('4008 (disconnected by an admin): stops and does not reconnect on its own', () => {
    const { connection, log, statuses } = closeLive(4008, 'Disconnected by an admin');
    expect(connection.state).toBe('stopped');
    expect(statuses.at(-1)).toEqual(['disconnected by an admin', false]);
    expect(log.at(-1)).toEqual(['end', 'disconnected', 'An admin disconnected this session.']);
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });

  it('1012 (world restored by an admin): reconnects within the first backoff step', () => {
    const { statuses } = closeLive(1012, 'World restored');
    expect(statuses.at(-1)[0]).toMatch(/^world restored by an admin: reconnecting/);
    vi.advanceTimersByTime(DEFAULT_BACKOFF.baseMs);
    expect(FakeWebSocket.instances.length).toBe(2);
  });

  it('4006 (account deleted): back to the login page', () => {
    const { connection, log } = closeLive(4006, 'Account deleted');
    expect(connection.state).toBe('stopped');
    expect(log.at(-1)).toEqual(['end', 'login', 'This account was deleted']);
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });
});

describe('queue while offline', () => {
  it('holds commands and chat until the welcome, then sends them in order after auth', () => {
    const { connection } = makeConnection();
    connection.start();
    const chat = JSON.stringify({ type: 'chat', text: 'o7' });
    expect(connection.send(control(1))).toBe('queued');
    expect(connection.send(chat)).toBe('queued');
    const socket = FakeWebSocket.last();
    socket.open();
    expect(connection.send(control(2))).toBe('queued');   // joined only after the welcome
    expect(socket.sent.length).toBe(1);
    socket.text(WELCOME);
    expect(socket.sent.slice(1)).toEqual([control(1), chat, control(2)]);
    expect(JSON.parse(socket.sent[0]).type).toBe('auth');
  });

  it('drops ping and keyframe_request', () => {
    const { connection } = makeConnection();
    connection.start();
    expect(connection.send('{"type":"ping","nonce":1}')).toBe('dropped');
    expect(connection.send('{"type":"keyframe_request"}')).toBe('dropped');
    const socket = join();
    expect(socket.sent.length).toBe(1);
  });

  it('keeps the newest 100 and counts the dropped', () => {
    const { connection } = makeConnection();
    connection.start();
    for (let seq = 1; seq <= 105; seq += 1) connection.send(control(seq));
    expect(connection.queue.length).toBe(100);
    expect(connection.dropped).toBe(5);
    const socket = join();
    expect(socket.sent.slice(1)).toEqual(
        Array.from({ length: 100 }, (_, i) => control(i + 6)));
  });

  it('queues again when the link drops, and flushes on the next welcome', () => {
    const { connection } = makeConnection({ random: () => 0 });
    connection.start();
    join().serverClose(1006);
    expect(connection.send(control(9))).toBe('queued');
    msUntilNextSocket();
    const socket = join();
    expect(socket.sent.slice(1)).toEqual([control(9)]);
  });

  it('queues (rather than losing) what is sent while the socket is closing', () => {
    const { connection } = makeConnection();
    connection.start();
    const socket = join();
    socket.readyState = 2;
    expect(connection.send(control(3))).toBe('queued');
  });
});

describe('stop', () => {
  it('closes with 1000, tells the game, and never reconnects', () => {
    const { connection, log, statuses } = makeConnection();
    connection.start();
    const socket = join();
    connection.stop();
    expect(socket.closedWith).toBe(1000);
    expect(log.at(-1)).toEqual(['close']);
    expect(statuses.at(-1)).toEqual(['offline', false]);
    socket.serverClose(1000);   // the close event that follows is not a reason to reconnect
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });

  it('cancels a pending reconnect', () => {
    const { connection } = makeConnection({ random: () => 0.999 });
    connection.start();
    FakeWebSocket.last().serverClose(1006);
    connection.stop();
    vi.advanceTimersByTime(120000);
    expect(FakeWebSocket.instances.length).toBe(1);
  });

  it('during a token refresh, stays stopped when the refresh ends', async () => {
    const { connection } = makeConnection({ refreshToken: async () => true });
    connection.start();
    join().serverClose(4001);
    connection.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWebSocket.instances.length).toBe(1);
    expect(connection.state).toBe('stopped');
  });

  it('start() while running does not open a second socket', () => {
    const { connection } = makeConnection();
    connection.start();
    connection.start();
    join();
    connection.start();
    expect(FakeWebSocket.instances.length).toBe(1);
  });
});
