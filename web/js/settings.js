// The player's settings: the one schema (keys, defaults, ranges), validation, and storage in
// localStorage. The keys are those of wasm/client/include/galaxy/client/settings.hpp; the game
// receives them as JSON (app.setSettings) and hands edited ones back (settingsChanged).

// localStorage key of the stored settings (a JSON object).
export const SETTINGS_KEY = 'galaxy.settings';

// Every setting: type, default, and for numbers the inclusive range.
export const SETTINGS_SCHEMA = Object.freeze({
  show_orbits: { type: 'boolean', default: true },
  show_trajectory: { type: 'boolean', default: true },
  show_labels: { type: 'boolean', default: true },
  show_starfield: { type: 'boolean', default: true },
  show_network: { type: 'boolean', default: true },
  mouse_sensitivity: { type: 'number', default: 1, min: 0.1, max: 5 },
  invert_mouse_y: { type: 'boolean', default: false },
  ui_scale: { type: 'number', default: 1, min: 0.75, max: 2 },
});

// A fresh object with every setting at its default.
export function defaultSettings() {
  const out = {};
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) out[key] = spec.default;
  return out;
}

function isValid(spec, value) {
  if (spec.type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'number' && Number.isFinite(value) && value >= spec.min &&
         value <= spec.max;
}

// Every key of the schema, each from `input` when valid there, else the default. Unknown keys
// are dropped. `problems` lists the keys that fell back (missing keys are not problems).
export function validateSettings(input) {
  const settings = {};
  const problems = [];
  const source = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) {
    const present = Object.prototype.hasOwnProperty.call(source, key);
    if (present && isValid(spec, source[key])) {
      settings[key] = source[key];
    } else {
      settings[key] = spec.default;
      if (present) problems.push(key);
    }
  }
  return { settings, problems };
}

// The stored settings, validated; defaults when nothing (or no readable JSON) is stored.
// storage: a Storage-like object (getItem/setItem); localStorage by default.
export function loadSettings(storage = globalThis.localStorage) {
  let parsed = null;
  try {
    const text = storage.getItem(SETTINGS_KEY);
    if (text !== null) parsed = JSON.parse(text);
  } catch {
    // Unreadable storage (privacy mode) or a corrupt value: the defaults are the answer.
    parsed = null;
  }
  return validateSettings(parsed).settings;
}

// Validates and stores `settings`; returns what was stored. A storage that refuses the write
// (quota, privacy mode) leaves the settings valid for this page only.
export function saveSettings(settings, storage = globalThis.localStorage) {
  const valid = validateSettings(settings).settings;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(valid));
  } catch {
    // Not stored: the game keeps running with them; the next page load starts from defaults.
  }
  return valid;
}
