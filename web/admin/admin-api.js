// The admin API as the /admin dashboard uses it (docs/admin-api.md): JavaScript holds the admin
// token and does the HTTP; the dashboard (WebAssembly) only sees each answer's status and body.
// The token lives in sessionStorage, so a reload of the tab stays logged in and closing the tab
// logs out. Dependencies (fetch, storage, clock) are parameters with the browser's as defaults
// so that the module runs under Node's test runner with fakes.

import { readStoredSession } from '../js/auth.js';

// A session with less than EXPIRY_MARGIN_S left counts as expired, as the game's does.
export { EXPIRY_MARGIN_S } from '../js/auth.js';

// sessionStorage key of the admin session: {token, expires_at (Unix s), username}.
export const ADMIN_SESSION_KEY = 'galaxy.admin.session';
// The one route that needs no token; its 401 means wrong credentials, not a lost session.
export const LOGIN_PATH = '/api/admin/login';

// The line shown for a failed answer, ending in the code: the server's message, e.g. "wrong
// username or password (E020)"; the same text the dashboard shows in its log.
export function describeAdminError(status, text) {
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  let line;
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    line = `${body.message} (${body.code})`;
  } else if (status === 0) {
    line = 'cannot reach the server';
  } else {
    line = `the server answered HTTP ${status}`;
  }
  if (body && Number.isFinite(body.retry_after_s)) line += `: try again in ${body.retry_after_s} s`;
  return line;
}

function isSession(value) {
  return value !== null && typeof value === 'object' && typeof value.token === 'string' &&
         value.token.length > 0 && Number.isFinite(value.expires_at) &&
         typeof value.username === 'string';
}

function errorText(code, message, extra = {}) {
  return JSON.stringify({ code, message, ...extra });
}

export class AdminApi {
  // fetch: the Fetch API; storage: a Storage (sessionStorage); now: ms since the Unix epoch;
  // baseUrl: prefix of the API paths ('' = this origin); onLoggedOut(reason): called when a
  // request finds the session gone or its token refused (the token is forgotten first).
  constructor({
    fetch = (...args) => globalThis.fetch(...args),
    storage = globalThis.sessionStorage,
    now = () => Date.now(),
    baseUrl = '',
    onLoggedOut = () => {},
  } = {}) {
    this.fetch = fetch;
    this.storage = storage;
    this.now = now;
    this.baseUrl = baseUrl;
    this.onLoggedOut = onLoggedOut;
  }

  // The stored session when it is well formed and not (nearly) expired, else null; one that is
  // expired or unreadable is removed.
  session() {
    const stored = readStoredSession(this.storage, ADMIN_SESSION_KEY, isSession, this.now());
    if (stored === null) this.logout();
    return stored;
  }

  // Forgets the session (the server keeps no sessions: the token simply stops being used).
  logout() {
    try {
      this.storage.removeItem(ADMIN_SESSION_KEY);
    } catch {
      // Storage unavailable: there is nothing stored to forget.
    }
  }

  // One request for the dashboard: method, path (with query) and body (JSON text, '' for none).
  // Resolves (never rejects) to {status, text}: the server's answer, with these changes:
  // - login: a 200's token is stored and left out of the text the dashboard gets;
  // - no stored session: 401 E007 without asking the server;
  // - 401 on any other route: the session is forgotten and onLoggedOut(reason) is called;
  // - the server not reached: status 0 with a NETWORK error; an answer that is not the API's
  //   JSON: an HTTP error; a Retry-After header is passed on as retry_after_s in the body.
  async request(method, path, body = '') {
    const isLogin = path === LOGIN_PATH;
    const headers = {};
    if (body) headers['Content-Type'] = 'application/json';
    if (!isLogin) {
      const session = this.session();
      if (session === null) {
        const text = errorText('E007', 'not logged in');
        this.onLoggedOut(describeAdminError(401, text));
        return { status: 401, text };
      }
      headers.Authorization = `Bearer ${session.token}`;
    }
    let response;
    try {
      response = await this.fetch(this.baseUrl + path, {
        method,
        headers,
        body: body || undefined,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const reason = `cannot reach the server: ${error?.message ?? error}`;
      return { status: 0, text: errorText('NETWORK', reason) };
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      answer = null;
    }
    const { status } = response;
    if (answer === null || typeof answer !== 'object') {
      answer = response.ok ? {} : { code: 'HTTP', message: `the server answered HTTP ${status}` };
    }
    const retryAfter = Number(response.headers?.get?.('Retry-After') ?? NaN);
    if (!response.ok && Number.isInteger(retryAfter) && retryAfter >= 0) {
      answer = { ...answer, retry_after_s: retryAfter };
    }
    if (isLogin && response.ok) return this.storeLogin(answer);
    const text = JSON.stringify(answer);
    if (status === 401 && !isLogin) {
      this.logout();
      this.onLoggedOut(describeAdminError(status, text));
    }
    return { status, text };
  }

  // Stores a login answer's session; the dashboard gets {username, expires_at} only.
  storeLogin(answer) {
    const session = {
      token: answer.token, expires_at: answer.expires_at, username: answer.username,
    };
    if (!isSession(session)) {
      return { status: 502, text: errorText('HTTP', 'the server sent no valid admin token') };
    }
    try {
      this.storage.setItem(ADMIN_SESSION_KEY, JSON.stringify(session));
    } catch {
      return {
        status: 0,
        text: errorText('STORAGE', 'the browser refused to store the session (site data blocked?)'),
      };
    }
    const seen = { username: session.username, expires_at: session.expires_at };
    return { status: 200, text: JSON.stringify(seen) };
  }
}
