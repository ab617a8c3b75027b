// The game's WebSocket (proto/PROTOCOL.md sections 2, 3, 13): connects to /ws, authenticates,
// reconnects with exponential backoff and full jitter, and holds the pilot's commands while the
// link is down. It carries the game's frames without reading them, except to spot "welcome"
// (the moment the connection is joined) and, while offline, the type of an outgoing message.
//
// Dependencies (WebSocket constructor, timers, clock, random) are parameters with the browser's
// as defaults so that the tests drive it with fakes.

// Protocol version sent in "auth" (PROTOCOL.md section 11).
export const PROTOCOL_VERSION = 1;

// Close codes the client acts on (PROTOCOL.md section 13).
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  SHUTTING_DOWN: 1001,
  AUTH_FAILED: 4001,
  VERSION_MISMATCH: 4002,
  REPLACED: 4005,
  ACCOUNT_DELETED: 4006,
  ADMIN_DISCONNECT: 4008,
});

// Reconnect delays: the n-th retry (n = 0, 1, ...) waits a uniformly random time in
// [0, min(capMs, baseMs * factor^n)) ("full jitter": clients that lost the server together do
// not come back together).
export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 500, factor: 2, capMs: 30000 });
// Messages held while offline; beyond this the oldest is dropped (the newest inputs matter most).
export const DEFAULT_MAX_QUEUE = 100;
// A socket that has not opened after this long is abandoned and retried (ms).
export const DEFAULT_CONNECT_TIMEOUT_MS = 10000;

// Outgoing types that are worthless later: a ping measures the link now, and a keyframe
// request is repeated by the session when still needed.
const NOT_QUEUED = new Set(['ping', 'keyframe_request']);

// Why the link dropped, as the status line says it before "reconnecting in ...".
const CLOSE_WORDS = {
  1001: 'server shutting down',
  1008: 'too many messages',
  1009: 'message too big',
  1011: 'server error',
  4003: 'authentication timed out',
  4004: 'connection too slow',
  4007: 'idle timeout',
  1012: 'world restored by an admin',
};

// Upper bound of the n-th retry's delay (ms).
export function backoffCeilingMs(retry, backoff = DEFAULT_BACKOFF) {
  return Math.min(backoff.capMs, backoff.baseMs * backoff.factor ** retry);
}

// The n-th retry's delay (ms) for a random number in [0, 1).
export function backoffDelayMs(retry, random, backoff = DEFAULT_BACKOFF) {
  return Math.floor(random() * backoffCeilingMs(retry, backoff));
}

// ws://host/ws for a page served over http, wss:// over https.
export function socketUrl(location) {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function messageType(text) {
  try {
    const message = JSON.parse(text);
    return typeof message?.type === 'string' ? message.type : null;
  } catch {
    return null;
  }
}

function isWelcome(text) {
  // The cheap test first: every update after the welcome is binary, but chat and acks are text.
  return text.includes('"welcome"') && messageType(text) === 'welcome';
}

const noop = () => {};

// WebSocket.OPEN, spelled out so that a fake constructor need not define it.
const SOCKET_OPEN = 1;

// States: 'idle' (not started), 'connecting' (socket opening), 'joining' (auth sent, waiting
// for the welcome), 'live' (welcomed), 'waiting' (until the next attempt), 'refreshing' (the
// token, after 4001), 'stopped' (by stop(), a replacing tab or a final close code).
export class Connection {
  // url: ws(s)://host/ws. getToken(): the current token or null when there is none.
  // refreshToken(): a promise of true when a new token was stored (tried once after 4001).
  // onOpen(now) after "auth" was sent; onText(text, now); onBinary(Uint8Array, now);
  // onClose(now) when an opened socket closed; onStatus(text, live) for the HUD;
  // onEnd({kind, message}): the connection gave up, kind 'login' (the pilot must log in
  // again) or 'replaced' (the game continues elsewhere).
  constructor({
    url,
    getToken,
    refreshToken = async () => false,
    WebSocket = globalThis.WebSocket,
    setTimeout = (...args) => globalThis.setTimeout(...args),
    clearTimeout = (...args) => globalThis.clearTimeout(...args),
    random = Math.random,
    now = () => globalThis.performance.now(),
    backoff = DEFAULT_BACKOFF,
    maxQueue = DEFAULT_MAX_QUEUE,
    connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
    onOpen = noop,
    onText = noop,
    onBinary = noop,
    onClose = noop,
    onStatus = noop,
    onEnd = noop,
  }) {
    Object.assign(this, { url, getToken, refreshToken, WebSocket, setTimeout, clearTimeout, random,
                          now, backoff, maxQueue, connectTimeoutMs, onOpen, onText, onBinary,
                          onClose, onStatus, onEnd });
    this.state = 'idle';
    this.socket = null;
    this.opened = false;        // the current socket reached 'open' (onClose is owed)
    this.timer = null;          // connect timeout or the wait before the next attempt
    this.retries = 0;           // failed attempts since the last welcome
    this.refreshTried = false;  // a 4001 already led to a token refresh since the last welcome
    this.queue = [];
    this.dropped = 0;           // queued messages dropped because the queue was full
  }

  // Starts connecting (again, after stop() or a replacing tab); no effect while running.
  start() {
    if (this.state !== 'idle' && this.state !== 'stopped') return;
    this.retries = 0;
    this.refreshTried = false;
    this.connect();
  }

  // Closes the link with 1000 and stays offline; queued messages are kept for a later start().
  stop() {
    this.halt();
    this.state = 'stopped';
    this.onStatus('offline', false);
  }

  // While waiting for the next attempt: attempt now (e.g. when the browser is back online).
  reconnectNow() {
    if (this.state !== 'waiting') return;
    this.clearTimer();
    this.connect();
  }

  // Sends a text frame when live; otherwise queues it (commands, chat) or drops it (ping,
  // keyframe_request). Returns 'sent', 'queued' or 'dropped'.
  send(text) {
    if (this.state === 'live' && this.socket.readyState === SOCKET_OPEN) {
      this.socket.send(text);
      return 'sent';
    }
    if (NOT_QUEUED.has(messageType(text))) return 'dropped';
    this.queue.push(text);
    if (this.queue.length > this.maxQueue) {
      this.queue.shift();
      this.dropped += 1;
    }
    return 'queued';
  }

  // --- The rest is internal: the socket's life cycle. ---

  connect() {
    const token = this.getToken();
    if (!token) {
      this.finish('login', 'Your session expired: please log in again');
      return;
    }
    this.state = 'connecting';
    this.onStatus(this.retries > 0 ? `connecting (attempt ${this.retries + 1})` : 'connecting',
                  false);
    let socket;
    try {
      socket = new this.WebSocket(this.url);
    } catch {
      // Only a malformed URL throws here; treat it like a failed connection.
      this.retry('cannot connect');
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      if (socket === this.socket) this.handleOpen(token);
    };
    socket.onmessage = (event) => {
      if (socket === this.socket) this.handleMessage(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.handleClose(event.code, event.reason);
    };
    this.timer = this.setTimeout(() => {
      this.timer = null;
      this.halt();
      this.retry('connection timed out');
    }, this.connectTimeoutMs);
  }

  handleOpen(token) {
    this.clearTimer();
    this.opened = true;
    this.state = 'joining';
    this.socket.send(JSON.stringify({ type: 'auth', token, protocol: PROTOCOL_VERSION }));
    this.onStatus('joining', false);
    this.onOpen(this.now());
  }

  handleMessage(data) {
    const now = this.now();
    if (typeof data !== 'string') {
      this.onBinary(new Uint8Array(data), now);
      return;
    }
    this.onText(data, now);
    if (this.state === 'joining' && isWelcome(data)) this.join();
  }

  join() {
    this.state = 'live';
    this.retries = 0;
    this.refreshTried = false;
    const held = this.queue;
    this.queue = [];
    for (const text of held) this.socket.send(text);
    this.onStatus('live', true);
  }

  handleClose(code, reason) {
    this.clearTimer();   // the connect timeout, when the socket closed before opening
    this.detach();
    if (code === CloseCode.REPLACED) {
      this.state = 'stopped';
      this.onStatus('connected elsewhere', false);
      this.onEnd({ kind: 'replaced',
                   message: 'This account is now playing in another tab or window.' });
    } else if (code === CloseCode.ADMIN_DISCONNECT) {
      this.state = 'stopped';
      this.onStatus('disconnected by an admin', false);
      this.onEnd({ kind: 'disconnected', message: 'An admin disconnected this session.' });
    } else if (code === CloseCode.AUTH_FAILED && !this.refreshTried) {
      this.refreshTried = true;
      this.refreshAndConnect();
    } else if (code === CloseCode.AUTH_FAILED) {
      this.finish('login', 'The server refused the login: please log in again');
    } else if (code === CloseCode.VERSION_MISMATCH) {
      this.finish('login', `This page speaks another protocol version than the server ` +
                           `(${reason || 'version mismatch'}): reload the page`);
    } else if (code === CloseCode.ACCOUNT_DELETED) {
      this.finish('login', 'This account was deleted');
    } else {
      this.retry(CLOSE_WORDS[code] ?? 'connection lost');
    }
  }

  async refreshAndConnect() {
    this.state = 'refreshing';
    this.onStatus('renewing the login', false);
    let renewed = false;
    try {
      renewed = await this.refreshToken();
    } catch {
      renewed = false;
    }
    if (this.state !== 'refreshing') return;   // stopped meanwhile
    if (renewed) {
      this.connect();
    } else {
      this.finish('login', 'The server refused the login: please log in again');
    }
  }

  // Waits for the next attempt, counting down in the status line once a second.
  retry(why) {
    const delay = backoffDelayMs(this.retries, this.random, this.backoff);
    this.retries += 1;
    this.state = 'waiting';
    const deadline = this.now() + delay;
    const tick = () => {
      this.timer = null;
      const remaining = deadline - this.now();
      if (remaining <= 0) {
        this.connect();
        return;
      }
      const seconds = Math.ceil(remaining / 1000);
      this.onStatus(`${why}: reconnecting in ${seconds} s (attempt ${this.retries + 1})`, false);
      // Wake when the shown number changes (or at the deadline).
      this.timer = this.setTimeout(tick, remaining - (seconds - 1) * 1000);
    };
    tick();
  }

  finish(kind, message) {
    this.halt();
    this.state = 'stopped';
    this.onStatus(message, false);
    this.onEnd({ kind, message });
  }

  // Closes the current socket (if any) without reacting to its close event.
  halt() {
    this.clearTimer();
    if (this.socket === null) return;
    const socket = this.socket;
    this.detach();
    try {
      socket.close(CloseCode.NORMAL);
    } catch {
      // Already closed: nothing to do.
    }
  }

  // Forgets the current socket; owes the session its onClose when the socket had opened.
  detach() {
    const socket = this.socket;
    if (socket === null) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    this.socket = null;
    if (this.opened) {
      this.opened = false;
      this.onClose(this.now());
    }
  }

  clearTimer() {
    if (this.timer === null) return;
    this.clearTimeout(this.timer);
    this.timer = null;
  }
}
