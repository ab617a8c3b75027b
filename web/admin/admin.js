// The /admin page: downloads and starts the dashboard module (Dear ImGui in WebAssembly) on the
// canvas, gives it the admin API through AdminApi (the token stays here, in sessionStorage) and
// runs the animation loop. window.galaxyAdmin = {dashboard, api, status()} is for tests and
// scripts: status() is the dashboard's state, including where its named widgets are drawn.
import { AdminApi } from './admin-api.js';
import { wheelNotches } from './wheel.js';
import { fetchWithProgress, formatProgress } from '../js/loader.js';

const MODULE_URL = new URL('galaxy-admin-dashboard.js', import.meta.url).href;
const WASM_URL = new URL('galaxy-admin-dashboard.wasm', import.meta.url).href;

const el = (id) => document.getElementById(id);
const canvas = el('canvas');

function showStep(step, detail = '', fraction = null) {
  el('loading-step').textContent = step;
  el('loading-detail').textContent = detail;
  const bar = el('loading-bar');
  if (fraction === null) {
    bar.removeAttribute('value');
  } else {
    bar.value = fraction;
  }
}

function showFailure(title, message) {
  el('loading').hidden = true;
  el('failure-title').textContent = title;
  el('failure-message').textContent = message;
  el('failure').hidden = false;
}

// Keeps the canvas' drawing buffer at its CSS size times the device pixel ratio.
function fitCanvas() {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

async function loadModule() {
  showStep('Downloading the dashboard...', '', 0);
  const factory = import(MODULE_URL);
  const wasmBinary = await fetchWithProgress(WASM_URL, {
    onProgress: ({ loaded, total }) => {
      showStep('Downloading the dashboard...', formatProgress(loaded, total),
               total > 0 ? loaded / total : null);
    },
  });
  showStep('Starting...');
  const { default: createGalaxyAdmin } = await factory;
  return createGalaxyAdmin({
    canvas,
    wasmBinary,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
}

async function main() {
  if (document.createElement('canvas').getContext('webgl2') === null) {
    showFailure('WebGL2 is not available',
                'The dashboard draws with WebGL2: use a current Firefox, Chrome, Edge or Safari.');
    return;
  }
  let Module;
  try {
    Module = await loadModule();
  } catch (error) {
    showFailure('The dashboard could not be loaded', String(error?.message ?? error));
    return;
  }
  fitCanvas();
  const dashboard = new Module.AdminDashboard();
  const error = dashboard.create();
  if (error) {
    showFailure('The dashboard could not start', error);
    return;
  }
  const api = new AdminApi({ onLoggedOut: (reason) => dashboard.setLoggedOut(reason) });
  // The dashboard asks during its frame; the request starts after the frame (a microtask), so
  // that nothing calls back into the dashboard while it draws.
  const request = (id, method, path, body) => {
    queueMicrotask(async () => {
      const { status, text } = await api.request(method, path, body);
      dashboard.receive(id, status, text);
    });
  };
  dashboard.setCallbacks(request, () => api.logout());
  const session = api.session();
  if (session !== null) dashboard.setLoggedIn(session.username);

  window.galaxyAdmin = { dashboard, api, status: () => JSON.parse(dashboard.status()) };
  el('loading').hidden = true;
  canvas.focus();
  canvas.addEventListener('mousedown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  // Taken at the window, before Emscripten's GLFW listener on the canvas sees it (wheel.js).
  window.addEventListener('wheel', (event) => {
    if (event.target !== canvas) return;
    event.stopPropagation();
    event.preventDefault();
    const { x, y } = wheelNotches(event);
    dashboard.scroll(x, y);
  }, { capture: true, passive: false });
  const frame = (now) => {
    fitCanvas();
    try {
      dashboard.frame(now, window.devicePixelRatio || 1);
    } catch (failure) {
      showFailure('The dashboard stopped', `${failure?.message ?? failure}: reload the page.`);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

main();
