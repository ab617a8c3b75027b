// Accounts: register, log in, refresh the token, log out, and the stored session. The server's
// accounts API is described in docs/server.md ("Accounts API"); its error bodies are
// {"code":"E0xx","message":...} with the codes of proto/PROTOCOL.md section 12.
//
// Dependencies (fetch, storage, clock, timers) are parameters with the browser's as defaults so
// that the module runs under Node's test runner with fakes.

// localStorage key of the session: {token, expires_at (Unix s), username, player_id}.
export const SESSION_KEY = 'galaxy.session';
// The token is refreshed when less than this remains of it (s).
export const REFRESH_BEFORE_S = 3600;
// A session with less than this left counts as expired: a connection must not start with a
// token that runs out during the handshake (s).
export const EXPIRY_MARGIN_S = 60;
// After a refresh failed for a reason other than a refused token, the next try waits this (s).
export const REFRESH_RETRY_S = 60;

// Ship classes offered at registration: the server's names and one line for the pilot.
export const SHIP_CLASSES = Object.freeze([
  {
    id: 'fast_frigate',
    name: 'Fast Frigate',
    description: 'Light and quick: 23 t fuelled, 600 kN main engine (about 2.7 g), fast turns.',
  },
  {
    id: 'cargo_hauler',
    name: 'Cargo Hauler',
    description: 'Heavy and steady: 160 t fuelled, 400 kN (about 0.25 g), big tanks, slow turns.',
  },
]);

// Plain words for the codes the accounts API answers with; the server's own message is used
// for the others (it names the field and the rule, e.g. "username must be 3 to 32 ...").
const CODE_TEXT = {
  E007: 'Your session is no longer valid: please log in again',
  E019: 'Username taken',
  E020: 'Wrong username or password',
  E021: 'Registration is closed on this server',
};

// A failed accounts request. status: HTTP status (0 when the server was not reached); code:
// "E0xx", or "NETWORK" / "HTTP" when the answer was not the API's; retryAfterS: the
// Retry-After header in seconds, or null.
export class ApiError extends Error {
  constructor({ status, code, message, retryAfterS = null }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterS = retryAfterS;
  }
}

function capitalize(text) {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

// The line shown to the pilot next to a form, always ending in the code, e.g.
// "Username taken (E019)" or "Too many attempts: try again in 60 s (E022)".
export function describeError(error) {
  if (!(error instanceof ApiError)) return `Unexpected error: ${error?.message ?? error}`;
  if (error.code === 'NETWORK') return 'Cannot reach the server: check the connection and try again';
  const wait = error.retryAfterS !== null ? ` in ${error.retryAfterS} s` : ' later';
  let text;
  if (error.code === 'E022') {
    text = `Too many attempts: try again${wait}`;
  } else if (error.code === 'E023') {
    text = `The server's database is unavailable: try again${wait}`;
  } else {
    text = CODE_TEXT[error.code] ?? capitalize(error.message);
  }
  return `${text} (${error.code})`;
}

function parseRetryAfter(value) {
  if (value === null || value === undefined) return null;
  const seconds = Number(value);
  // Only the delay-seconds form; the server never sends an HTTP date.
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : null;
}

function isSession(value) {
  return value !== null && typeof value === 'object' && typeof value.token === 'string' &&
         value.token.length > 0 && Number.isFinite(value.expires_at) &&
         typeof value.username === 'string' && Number.isFinite(value.player_id);
}

// The session stored under key when valid(session) and not (nearly) expired at nowMs, else
// null (also when the storage cannot be read). Shared by the game's and the admin's logins.
export function readStoredSession(storage, key, valid, nowMs) {
  let stored = null;
  try {
    const text = storage.getItem(key);
    if (text === null) return null;
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  if (!valid(stored) || stored.expires_at - EXPIRY_MARGIN_S <= nowMs / 1000) return null;
  return stored;
}

export class Auth {
  // fetch: the Fetch API; storage: a Storage (localStorage); now: ms since the Unix epoch;
  // setTimeout/clearTimeout: timers for keepFresh; baseUrl: prefix of the API paths ('' = this
  // origin).
  constructor({
    fetch = (...args) => globalThis.fetch(...args),
    storage = globalThis.localStorage,
    now = () => Date.now(),
    setTimeout = (...args) => globalThis.setTimeout(...args),
    clearTimeout = (...args) => globalThis.clearTimeout(...args),
    baseUrl = '',
  } = {}) {
    this.fetch = fetch;
    this.storage = storage;
    this.now = now;
    this.setTimeout = setTimeout;
    this.clearTimeout = clearTimeout;
    this.baseUrl = baseUrl;
  }

  // The stored session when it is well formed and not (nearly) expired, else null; a stored
  // session that is expired or unreadable is removed.
  session() {
    const stored = readStoredSession(this.storage, SESSION_KEY, isSession, this.now());
    if (stored === null) this.logout();
    return stored;
  }

  // Creates an account with its first ship ('fast_frigate' or 'cargo_hauler') and stores the
  // session. Rejects with ApiError.
  async register(username, password, shipClass) {
    return this.storeAnswer(
        await this.request('/api/auth/register', { username, password, ship_class: shipClass }));
  }

  // Logs in and stores the session. Rejects with ApiError.
  async login(username, password) {
    return this.storeAnswer(await this.request('/api/auth/login', { username, password }));
  }

  // Exchanges the stored token for a new one (valid 24 h from now) and stores it. Rejects with
  // ApiError: status 401 (E007) when the token was refused or no session is stored.
  async refresh() {
    const current = this.session();
    if (current === null) {
      throw new ApiError({ status: 401, code: 'E007', message: 'not logged in' });
    }
    return this.storeAnswer(await this.request('/api/auth/refresh', null, current.token));
  }

  // Forgets the session (the server has no logout: the token simply stops being used).
  logout() {
    try {
      this.storage.removeItem(SESSION_KEY);
    } catch {
      // Storage unavailable: there is nothing stored to forget.
    }
  }

  // Milliseconds until `session` should be refreshed (0 when it is due already).
  refreshDelayMs(session) {
    return Math.max(0, (session.expires_at - REFRESH_BEFORE_S) * 1000 - this.now());
  }

  // Keeps the stored session fresh while a page runs: refreshes it when less than an hour is
  // left, again an hour before the new token's end, and retries after REFRESH_RETRY_S when the
  // server could not be reached or was busy. onLost(error) is called once when the session is
  // gone or its token refused. Returns a function that stops it.
  keepFresh({ onLost }) {
    let timer = null;
    let stopped = false;
    const schedule = (delayMs) => {
      timer = this.setTimeout(run, delayMs);
    };
    const run = async () => {
      timer = null;
      const current = this.session();
      if (current === null) {
        onLost(new ApiError({ status: 401, code: 'E007', message: 'the session expired' }));
        return;
      }
      const delay = this.refreshDelayMs(current);
      if (delay > 0) {
        schedule(delay);
        return;
      }
      try {
        const next = await this.refresh();
        if (!stopped) schedule(this.refreshDelayMs(next));
      } catch (error) {
        if (stopped) return;
        if (error.status === 401) {
          this.logout();
          onLost(error);
        } else {
          schedule(REFRESH_RETRY_S * 1000);
        }
      }
    };
    schedule(0);
    return () => {
      stopped = true;
      if (timer !== null) this.clearTimeout(timer);
    };
  }

  // One API call: POST with a JSON body (or none), optionally with a bearer token; the parsed
  // JSON answer on 2xx, else an ApiError with the server's code and message.
  async request(path, body, token = null) {
    const headers = {};
    if (body !== null) headers['Content-Type'] = 'application/json';
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await this.fetch(this.baseUrl + path, {
        method: 'POST',
        headers,
        body: body === null ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError({ status: 0, code: 'NETWORK', message: String(error?.message ?? error) });
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      answer = null;
    }
    if (response.ok && answer !== null && typeof answer === 'object') return answer;
    const retryAfterS = parseRetryAfter(response.headers?.get?.('Retry-After'));
    if (answer !== null && typeof answer.code === 'string' && typeof answer.message === 'string') {
      throw new ApiError({ status: response.status, code: answer.code, message: answer.message,
                           retryAfterS });
    }
    // Not the API's answer (a proxy's error page, an empty body).
    throw new ApiError({ status: response.status, code: 'HTTP',
                         message: `the server answered HTTP ${response.status}`, retryAfterS });
  }

  storeAnswer(answer) {
    const session = {
      token: answer.token,
      expires_at: answer.expires_at,
      username: answer.username,
      player_id: answer.player_id,
    };
    if (!isSession(session)) {
      throw new ApiError({ status: 200, code: 'HTTP', message: 'the server sent no valid token' });
    }
    try {
      this.storage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch {
      // Without storage the session cannot reach the game page.
      throw new ApiError({ status: 0, code: 'STORAGE',
                           message: 'the browser refused to store the session (site data blocked?)' });
    }
    return session;
  }
}
