import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  ApiError, Auth, EXPIRY_MARGIN_S, REFRESH_BEFORE_S, REFRESH_RETRY_S, SESSION_KEY, SHIP_CLASSES,
  describeError,
} from '../../web/js/auth.js';
import { FakeStorage } from './fakes.js';

const NOW_S = 1_760_000_000;          // the fake clock's start, Unix seconds
const DAY_S = 24 * 3600;              // token lifetime (docs/server.md)

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function tokenAnswer(status, { token = 'tok-1', issuedAt = NOW_S } = {}) {
  return json(status, {
    token, expires_at: issuedAt + DAY_S, player_id: 42, username: 'alice', ship_id: 7,
  });
}

// A fetch that answers from a queue and records each request (URL, method, headers, body).
function scriptedFetch(...answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers,
                    body: init.body === undefined ? undefined : JSON.parse(init.body) });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, requests };
}

function makeAuth(fetch, storage = new FakeStorage(), clock = { ms: NOW_S * 1000 }) {
  return new Auth({
    fetch, storage, now: () => clock.ms,
    setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id),
  });
}

function storedSession(expiresAt, token = 'tok-0') {
  return new FakeStorage({
    [SESSION_KEY]: JSON.stringify({ token, expires_at: expiresAt, username: 'alice',
                                    player_id: 42 }),
  });
}

describe('register and login', () => {
  it('register posts JSON with the ship class and stores the session', async () => {
    const { fetch, requests } = scriptedFetch(tokenAnswer(201));
    const storage = new FakeStorage();
    const session = await makeAuth(fetch, storage).register('alice', 'password1', 'cargo_hauler');
    expect(requests).toEqual([{
      url: '/api/auth/register', method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: { username: 'alice', password: 'password1', ship_class: 'cargo_hauler' },
    }]);
    const expected = { token: 'tok-1', expires_at: NOW_S + DAY_S, username: 'alice',
                       player_id: 42 };
    expect(session).toEqual(expected);
    expect(JSON.parse(storage.getItem(SESSION_KEY))).toEqual(expected);
  });

  it('login posts the credentials and stores the session', async () => {
    const { fetch, requests } = scriptedFetch(tokenAnswer(200));
    const auth = makeAuth(fetch);
    await auth.login('alice', 'password1');
    expect(requests[0].url).toBe('/api/auth/login');
    expect(requests[0].body).toEqual({ username: 'alice', password: 'password1' });
    expect(auth.session().token).toBe('tok-1');
  });

  it('offers the two ship classes the server knows, each with a description', () => {
    expect(SHIP_CLASSES.map((c) => c.id)).toEqual(['fast_frigate', 'cargo_hauler']);
    for (const shipClass of SHIP_CLASSES) expect(shipClass.description.length).toBeGreaterThan(20);
  });
});

describe('error mapping', () => {
  async function failure(answer, call = (auth) => auth.login('alice', 'password1')) {
    const { fetch } = scriptedFetch(answer);
    const storage = new FakeStorage();
    const error = await call(makeAuth(fetch, storage)).then(() => null, (e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    return error;
  }

  it('409 E019: the name is taken', async () => {
    const error = await failure(json(409, { code: 'E019', message: 'username already taken' }),
                                (auth) => auth.register('alice', 'password1', 'fast_frigate'));
    expect(error).toMatchObject({ status: 409, code: 'E019' });
    expect(describeError(error)).toBe('Username taken (E019)');
  });

  it('401 E020: wrong credentials', async () => {
    const error = await failure(json(401, { code: 'E020', message: 'wrong username or password' }));
    expect(describeError(error)).toBe('Wrong username or password (E020)');
  });

  it('429 E022: too many attempts, with the Retry-After seconds', async () => {
    const error = await failure(json(429, { code: 'E022', message: 'too many failed attempts' },
                                     { 'Retry-After': '60' }));
    expect(error).toMatchObject({ status: 429, code: 'E022', retryAfterS: 60 });
    expect(describeError(error)).toBe('Too many attempts: try again in 60 s (E022)');
  });

  it('503 E023: the database is down, with the Retry-After seconds', async () => {
    const error = await failure(json(503, { code: 'E023', message: 'database unavailable' },
                                     { 'Retry-After': '5' }));
    expect(error.retryAfterS).toBe(5);
    expect(describeError(error)).toBe(
        'The server\'s database is unavailable: try again in 5 s (E023)');
  });

  it('403 E021: registration closed', async () => {
    const error = await failure(json(403, { code: 'E021', message: 'registration is closed' }),
                                (auth) => auth.register('alice', 'password1', 'fast_frigate'));
    expect(describeError(error)).toBe('Registration is closed on this server (E021)');
  });

  it('400: the server\'s own message (it names the field and the rule) with its code', async () => {
    const message = 'username must be 3 to 32 characters of A-Z, a-z, 0-9, \'_\' and \'-\'';
    const error = await failure(json(400, { code: 'E005', message }),
                                (auth) => auth.register('a', 'password1', 'fast_frigate'));
    expect(describeError(error)).toBe(
        'Username must be 3 to 32 characters of A-Z, a-z, 0-9, \'_\' and \'-\' (E005)');
  });

  it('a network failure says the server cannot be reached', async () => {
    const error = await failure(new TypeError('Failed to fetch'));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
    expect(describeError(error)).toMatch(/^Cannot reach the server/);
  });

  it('an answer that is not the API\'s (a proxy\'s page) names the HTTP status', async () => {
    const error = await failure(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: 'HTTP', retryAfterS: null });
    expect(describeError(error)).toBe('The server answered HTTP 502 (HTTP)');
  });

  it('a 200 without a usable token is an error, and nothing is stored', async () => {
    const error = await failure(json(200, { token: '', expires_at: 1 }));
    expect(error.code).toBe('HTTP');
  });

  it('a storage that refuses the session is an error the pilot can act on', async () => {
    const { fetch } = scriptedFetch(tokenAnswer(200));
    const storage = new FakeStorage();
    storage.failWrites = true;
    const error = await makeAuth(fetch, storage).login('alice', 'password1').catch((e) => e);
    expect(error.code).toBe('STORAGE');
    expect(describeError(error)).toMatch(/refused to store the session.*\(STORAGE\)$/);
  });
});

describe('stored session', () => {
  it('is returned while more than the margin remains', () => {
    const auth = makeAuth(null, storedSession(NOW_S + EXPIRY_MARGIN_S + 1));
    expect(auth.session()).toMatchObject({ token: 'tok-0', username: 'alice', player_id: 42 });
  });

  it('counts as expired within the margin and is then removed', () => {
    const storage = storedSession(NOW_S + EXPIRY_MARGIN_S);
    expect(makeAuth(null, storage).session()).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('expires as the clock passes expires_at', () => {
    const clock = { ms: NOW_S * 1000 };
    const auth = makeAuth(null, storedSession(NOW_S + 3600), clock);
    expect(auth.session()).not.toBeNull();
    clock.ms += 3600 * 1000;
    expect(auth.session()).toBeNull();
  });

  it('is removed when malformed', () => {
    for (const text of ['{oops', '{"token":"x"}', '[]', 'null',
                        JSON.stringify({ token: '', expires_at: NOW_S + DAY_S, username: 'a',
                                         player_id: 1 })]) {
      const storage = new FakeStorage({ [SESSION_KEY]: text });
      expect(makeAuth(null, storage).session()).toBeNull();
      expect(storage.getItem(SESSION_KEY)).toBeNull();
    }
  });

  it('logout forgets it', () => {
    const storage = storedSession(NOW_S + DAY_S);
    const auth = makeAuth(null, storage);
    auth.logout();
    expect(auth.session()).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });
});

describe('refresh', () => {
  it('sends the stored token as a bearer and stores the new one', async () => {
    const { fetch, requests } = scriptedFetch(tokenAnswer(200, { token: 'tok-2' }));
    const auth = makeAuth(fetch, storedSession(NOW_S + 1800, 'tok-old'));
    await auth.refresh();
    expect(requests).toEqual([{ url: '/api/auth/refresh', method: 'POST',
                                headers: { Authorization: 'Bearer tok-old' }, body: undefined }]);
    expect(auth.session()).toMatchObject({ token: 'tok-2', expires_at: NOW_S + DAY_S });
  });

  it('without a session fails as a refused token without asking the server', async () => {
    const { fetch, requests } = scriptedFetch();
    const error = await makeAuth(fetch).refresh().catch((e) => e);
    expect(error).toMatchObject({ status: 401, code: 'E007' });
    expect(requests).toEqual([]);
  });

  it('is due when less than an hour remains', () => {
    const auth = makeAuth(null);
    expect(auth.refreshDelayMs({ expires_at: NOW_S + DAY_S }))
        .toBe((DAY_S - REFRESH_BEFORE_S) * 1000);
    expect(auth.refreshDelayMs({ expires_at: NOW_S + REFRESH_BEFORE_S })).toBe(0);
    expect(auth.refreshDelayMs({ expires_at: NOW_S + 60 })).toBe(0);
  });
});

describe('keepFresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  // The Auth's clock follows the fake timers' clock.
  function freshAuth(fetch, storage) {
    vi.setSystemTime(NOW_S * 1000);
    return new Auth({ fetch, storage });
  }

  it('refreshes an hour before the end, then an hour before the new token\'s end', async () => {
    const { fetch, requests } = scriptedFetch(
        tokenAnswer(200, { token: 'tok-2', issuedAt: NOW_S + DAY_S - REFRESH_BEFORE_S }),
        tokenAnswer(200, { token: 'tok-3', issuedAt: NOW_S + 2 * DAY_S - 2 * REFRESH_BEFORE_S }));
    const auth = freshAuth(fetch, storedSession(NOW_S + DAY_S));
    const stop = auth.keepFresh({ onLost: () => { throw new Error('lost'); } });
    await vi.advanceTimersByTimeAsync((DAY_S - REFRESH_BEFORE_S) * 1000 - 1);
    expect(requests.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests.length).toBe(1);
    expect(auth.session().token).toBe('tok-2');
    await vi.advanceTimersByTimeAsync((DAY_S - REFRESH_BEFORE_S) * 1000);
    expect(requests.length).toBe(2);
    expect(auth.session().token).toBe('tok-3');
    stop();
  });

  it('refreshes at once a session that has less than an hour left', async () => {
    const { fetch, requests } = scriptedFetch(tokenAnswer(200, { token: 'tok-2' }));
    const auth = freshAuth(fetch, storedSession(NOW_S + 1200));
    const stop = auth.keepFresh({ onLost: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.length).toBe(1);
    expect(auth.session().token).toBe('tok-2');
    stop();
  });

  it('retries a minute later when the server could not be reached', async () => {
    const { fetch, requests } = scriptedFetch(new TypeError('offline'),
                                              tokenAnswer(200, { token: 'tok-2' }));
    const auth = freshAuth(fetch, storedSession(NOW_S + 1200));
    const stop = auth.keepFresh({ onLost: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.length).toBe(1);
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_S * 1000 - 1);
    expect(requests.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests.length).toBe(2);
    expect(auth.session().token).toBe('tok-2');
    stop();
  });

  it('reports the session lost (and forgets it) when the server refuses the token', async () => {
    const { fetch } = scriptedFetch(json(401, { code: 'E007', message: 'token expired' }));
    const storage = storedSession(NOW_S + 1200);
    const auth = freshAuth(fetch, storage);
    const lost = [];
    auth.keepFresh({ onLost: (error) => lost.push(error.code) });
    await vi.advanceTimersByTimeAsync(0);
    expect(lost).toEqual(['E007']);
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('reports the session lost when it is gone from storage (logged out elsewhere)', async () => {
    const auth = freshAuth(scriptedFetch().fetch, new FakeStorage());
    const lost = [];
    auth.keepFresh({ onLost: (error) => lost.push(error.code) });
    await vi.advanceTimersByTimeAsync(0);
    expect(lost).toEqual(['E007']);
  });

  it('does nothing more once stopped', async () => {
    const { fetch, requests } = scriptedFetch();
    const auth = freshAuth(fetch, storedSession(NOW_S + DAY_S));
    const stop = auth.keepFresh({ onLost: () => { throw new Error('lost'); } });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(2 * DAY_S * 1000);
    expect(requests).toEqual([]);
  });
});
