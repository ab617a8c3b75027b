import { describe, expect, it } from 'vitest';

import {
  ADMIN_SESSION_KEY, AdminApi, EXPIRY_MARGIN_S, LOGIN_PATH, describeAdminError,
} from '../../web/admin/admin-api.js';
import { FakeStorage } from './fakes.js';

const NOW_S = 1_795_000_000;        // the fake clock, Unix seconds
const TOKEN_LIFETIME_S = 12 * 3600; // admin tokens (docs/admin-api.md)

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'Content-Type': 'application/json', ...headers },
  });
}

// A fetch that answers from a queue and records each request (URL, method, headers, body).
function scriptedFetch(...answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers, body: init.body });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, requests };
}

function storedSession(expiresAt = NOW_S + TOKEN_LIFETIME_S, token = 'admin-tok') {
  return new FakeStorage({
    [ADMIN_SESSION_KEY]: JSON.stringify({ token, expires_at: expiresAt, username: 'admin' }),
  });
}

function makeApi(fetch, storage = new FakeStorage()) {
  const lost = [];
  const api = new AdminApi({
    fetch, storage, now: () => NOW_S * 1000, onLoggedOut: (reason) => lost.push(reason),
  });
  return { api, lost };
}

const loginAnswer = () => json(200, {
  token: 'admin-tok', expires_at: NOW_S + TOKEN_LIFETIME_S, username: 'admin',
});

describe('login and the stored token', () => {
  it('login posts the credentials without a token and stores the session', async () => {
    const { fetch, requests } = scriptedFetch(loginAnswer());
    const storage = new FakeStorage();
    const { api } = makeApi(fetch, storage);
    const body = JSON.stringify({ username: 'admin', password: 'a long password' });
    const answer = await api.request('POST', LOGIN_PATH, body);
    expect(requests).toEqual([{
      url: LOGIN_PATH, method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
    }]);
    expect(JSON.parse(storage.getItem(ADMIN_SESSION_KEY))).toEqual({
      token: 'admin-tok', expires_at: NOW_S + TOKEN_LIFETIME_S, username: 'admin',
    });
    // The dashboard learns who logged in, never the token.
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text))
      .toEqual({ username: 'admin', expires_at: NOW_S + TOKEN_LIFETIME_S });
  });

  it('a session in sessionStorage survives a reload (a new AdminApi, same storage)', async () => {
    const storage = new FakeStorage();
    await makeApi(scriptedFetch(loginAnswer()).fetch, storage).api.request(
      'POST', LOGIN_PATH, '{"username":"admin","password":"a long password"}');
    const { api } = makeApi(scriptedFetch().fetch, storage);
    expect(api.session()).toEqual({
      token: 'admin-tok', expires_at: NOW_S + TOKEN_LIFETIME_S, username: 'admin',
    });
  });

  it('a session within the expiry margin counts as gone and is removed', () => {
    const storage = storedSession(NOW_S + EXPIRY_MARGIN_S);
    const { api } = makeApi(scriptedFetch().fetch, storage);
    expect(api.session()).toBeNull();
    expect(storage.getItem(ADMIN_SESSION_KEY)).toBeNull();
  });

  it('an unreadable stored session is removed', () => {
    const storage = new FakeStorage({ [ADMIN_SESSION_KEY]: '{not json' });
    expect(makeApi(scriptedFetch().fetch, storage).api.session()).toBeNull();
    expect(storage.getItem(ADMIN_SESSION_KEY)).toBeNull();
  });

  it('a login answer without a token is an error and stores nothing', async () => {
    const storage = new FakeStorage();
    const { api } = makeApi(scriptedFetch(json(200, { username: 'admin' })).fetch, storage);
    const answer = await api.request('POST', LOGIN_PATH, '{}');
    expect(answer.status).toBe(502);
    expect(describeAdminError(answer.status, answer.text))
      .toBe('the server sent no valid admin token (HTTP)');
    expect(storage.getItem(ADMIN_SESSION_KEY)).toBeNull();
  });

  it('a browser that refuses storage makes the login fail with a STORAGE error', async () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const { api } = makeApi(scriptedFetch(loginAnswer()).fetch, storage);
    const answer = await api.request('POST', LOGIN_PATH, '{}');
    expect(answer.status).toBe(0);
    expect(JSON.parse(answer.text).code).toBe('STORAGE');
  });

  it('wrong credentials (401 E020 on the login) are an error, not a lost session', async () => {
    const refused = json(401, { code: 'E020', message: 'wrong username or password' });
    const { fetch } = scriptedFetch(refused);
    const { api, lost } = makeApi(fetch);
    const answer = await api.request('POST', LOGIN_PATH, '{}');
    expect(answer.status).toBe(401);
    expect(describeAdminError(answer.status, answer.text))
      .toBe('wrong username or password (E020)');
    expect(lost).toEqual([]);
  });
});

describe('requests with the admin token', () => {
  it('sends Authorization: Bearer and Content-Type only with a body', async () => {
    const { fetch, requests } = scriptedFetch(json(200, { tick: 5 }), json(200, { settings: {} }));
    const { api } = makeApi(fetch, storedSession());
    const status = await api.request('GET', '/api/admin/status', '');
    expect(status).toEqual({ status: 200, text: '{"tick":5}' });
    await api.request('PATCH', '/api/admin/settings', '{"paused":true}');
    expect(requests).toEqual([
      { url: '/api/admin/status', method: 'GET', headers: { Authorization: 'Bearer admin-tok' },
        body: undefined },
      { url: '/api/admin/settings', method: 'PATCH',
        headers: { Authorization: 'Bearer admin-tok', 'Content-Type': 'application/json' },
        body: '{"paused":true}' },
    ]);
  });

  it('passes error answers on with their code and message', async () => {
    const { fetch } = scriptedFetch(json(404, { code: 'E024', message: 'no snapshot 9' }));
    const { api, lost } = makeApi(fetch, storedSession());
    const answer = await api.request('POST', '/api/admin/snapshots/9/restore', '{}');
    expect(answer.status).toBe(404);
    expect(describeAdminError(answer.status, answer.text)).toBe('no snapshot 9 (E024)');
    expect(lost).toEqual([]);
  });

  it('401 forgets the token and sends the admin back to the login with the reason', async () => {
    const storage = storedSession();
    const { fetch } = scriptedFetch(json(401, { code: 'E007', message: 'the token has expired' }));
    const { api, lost } = makeApi(fetch, storage);
    const answer = await api.request('GET', '/api/admin/status', '');
    expect(answer.status).toBe(401);
    expect(storage.getItem(ADMIN_SESSION_KEY)).toBeNull();
    expect(lost).toEqual(['the token has expired (E007)']);
  });

  it('without a stored session answers 401 E007 at once, without asking the server', async () => {
    const { fetch, requests } = scriptedFetch();
    const { api, lost } = makeApi(fetch, storedSession(NOW_S - 1));
    const answer = await api.request('GET', '/api/admin/map', '');
    expect(requests).toEqual([]);
    expect(answer.status).toBe(401);
    expect(lost).toEqual(['not logged in (E007)']);
  });

  it('a network failure is status 0 with a NETWORK error', async () => {
    const { api } = makeApi(scriptedFetch(new TypeError('Failed to fetch')).fetch, storedSession());
    const answer = await api.request('GET', '/api/admin/status', '');
    expect(answer.status).toBe(0);
    expect(describeAdminError(answer.status, answer.text))
      .toBe('cannot reach the server: Failed to fetch (NETWORK)');
  });

  it('an answer that is not the API\'s JSON (a proxy page) is an HTTP error', async () => {
    const page = new Response('<html>Bad gateway</html>', { status: 502 });
    const { api } = makeApi(scriptedFetch(page).fetch, storedSession());
    const answer = await api.request('GET', '/api/admin/status', '');
    expect(describeAdminError(answer.status, answer.text))
      .toBe('the server answered HTTP 502 (HTTP)');
  });

  it('passes Retry-After on as retry_after_s, shown in the error text', async () => {
    const busy = json(503, { code: 'E023', message: 'the world is not running' },
                      { 'Retry-After': '2' });
    const { api } = makeApi(scriptedFetch(busy).fetch, storedSession());
    const answer = await api.request('GET', '/api/admin/status', '');
    expect(JSON.parse(answer.text).retry_after_s).toBe(2);
    expect(describeAdminError(answer.status, answer.text))
      .toBe('the world is not running (E023): try again in 2 s');
  });

  it('logout forgets the stored session', () => {
    const storage = storedSession();
    const { api } = makeApi(scriptedFetch().fetch, storage);
    api.logout();
    expect(storage.getItem(ADMIN_SESSION_KEY)).toBeNull();
    expect(api.session()).toBeNull();
  });
});
