// Downloads with progress: the game module's .wasm is several MB, and the loading screen shows
// how much of it has arrived ("3.1 of 4.2 MB") rather than a spinner.

// Bytes per "MB" in the progress text (decimal, as download sizes are usually shown).
const BYTES_PER_MB = 1e6;

// The progress line: "3.1 of 4.2 MB", or "3.1 MB" when the total is unknown (0 or null).
export function formatProgress(loaded, total) {
  const mb = (bytes) => (bytes / BYTES_PER_MB).toFixed(1);
  return total ? `${mb(loaded)} of ${mb(total)} MB` : `${mb(loaded)} MB`;
}

// Joins the chunks of a body into one array.
function concat(chunks, length) {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// Fetches `url` and returns its body as a Uint8Array. onProgress({loaded, total}) is called
// once at the start and after every chunk; total is the Content-Length in bytes, or 0 when the
// server sent none (or sent a compressed length that the body outgrew). Rejects on a network
// failure or a status other than 2xx (the message names the URL and the status).
export async function fetchWithProgress(url, {
  fetch = (...args) => globalThis.fetch(...args),
  onProgress = () => {},
} = {}) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('Content-Length'));
  let total = Number.isInteger(declared) && declared > 0 ? declared : 0;
  onProgress({ loaded: 0, total });
  if (!response.body || typeof response.body.getReader !== 'function') {
    // No streams in this browser: one step from nothing to everything.
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ loaded: bytes.length, total: bytes.length });
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded > total) total = 0;
    onProgress({ loaded, total });
  }
  return concat(chunks, loaded);
}
