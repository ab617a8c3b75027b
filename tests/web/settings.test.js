import { describe, expect, it } from 'vitest';

import {
  SETTINGS_KEY, SETTINGS_SCHEMA, defaultSettings, loadSettings, saveSettings, validateSettings,
} from '../../web/js/settings.js';
import { FakeStorage } from './fakes.js';

// The keys and defaults of wasm/client/include/galaxy/client/settings.hpp (struct Settings).
const CPP_DEFAULTS = {
  show_orbits: true,
  show_trajectory: true,
  show_labels: true,
  show_starfield: true,
  show_network: true,
  mouse_sensitivity: 1,
  invert_mouse_y: false,
  ui_scale: 1,
};

describe('settings schema', () => {
  it('has exactly the keys and defaults of the C++ Settings struct', () => {
    expect(defaultSettings()).toEqual(CPP_DEFAULTS);
  });

  it('states the ranges of the two numbers', () => {
    expect(SETTINGS_SCHEMA.mouse_sensitivity).toMatchObject({ min: 0.1, max: 5 });
    expect(SETTINGS_SCHEMA.ui_scale).toMatchObject({ min: 0.75, max: 2 });
  });

  it('gives a fresh object each time, so that editing one leaves the defaults alone', () => {
    const a = defaultSettings();
    a.ui_scale = 2;
    expect(defaultSettings().ui_scale).toBe(1);
  });
});

describe('validateSettings', () => {
  it('keeps valid values, including both ends of each range', () => {
    const input = { ...CPP_DEFAULTS, show_labels: false, mouse_sensitivity: 0.1, ui_scale: 2 };
    expect(validateSettings(input)).toEqual({ settings: input, problems: [] });
    expect(validateSettings({ mouse_sensitivity: 5, ui_scale: 0.75 }).settings)
        .toMatchObject({ mouse_sensitivity: 5, ui_scale: 0.75 });
  });

  it('replaces each bad value by its default and names it', () => {
    const { settings, problems } = validateSettings({
      show_orbits: 'yes', mouse_sensitivity: 5.01, ui_scale: 0.7, invert_mouse_y: 1,
    });
    expect(settings).toEqual(CPP_DEFAULTS);
    expect(problems.sort()).toEqual(['invert_mouse_y', 'mouse_sensitivity', 'show_orbits',
                                     'ui_scale']);
  });

  it('refuses numbers that are not finite and numbers written as strings', () => {
    for (const bad of [NaN, Infinity, -Infinity, '1', null]) {
      expect(validateSettings({ mouse_sensitivity: bad }).settings.mouse_sensitivity).toBe(1);
    }
  });

  it('fills missing keys with defaults without calling them problems', () => {
    expect(validateSettings({ show_labels: false })).toEqual({
      settings: { ...CPP_DEFAULTS, show_labels: false }, problems: [],
    });
  });

  it('drops unknown keys', () => {
    expect(validateSettings({ volume: 11 }).settings).toEqual(CPP_DEFAULTS);
  });

  it('treats anything that is not an object as empty', () => {
    for (const input of [null, undefined, 3, 'x', [true]]) {
      expect(validateSettings(input).settings).toEqual(CPP_DEFAULTS);
    }
  });
});

describe('loadSettings and saveSettings', () => {
  it('give the defaults when nothing is stored', () => {
    expect(loadSettings(new FakeStorage())).toEqual(CPP_DEFAULTS);
  });

  it('round-trip through storage under galaxy.settings', () => {
    const storage = new FakeStorage();
    const chosen = { ...CPP_DEFAULTS, show_starfield: false, mouse_sensitivity: 2.5,
                     invert_mouse_y: true, ui_scale: 1.25 };
    expect(saveSettings(chosen, storage)).toEqual(chosen);
    expect(JSON.parse(storage.getItem(SETTINGS_KEY))).toEqual(chosen);
    expect(loadSettings(storage)).toEqual(chosen);
  });

  it('store only validated values', () => {
    const storage = new FakeStorage();
    const stored = saveSettings({ ui_scale: 9, show_labels: false, extra: 1 }, storage);
    expect(stored).toEqual({ ...CPP_DEFAULTS, show_labels: false });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY))).toEqual(stored);
  });

  it('load validated values from a stored object with bad entries', () => {
    const storage = new FakeStorage({
      [SETTINGS_KEY]: JSON.stringify({ show_orbits: false, ui_scale: -1 }),
    });
    expect(loadSettings(storage)).toEqual({ ...CPP_DEFAULTS, show_orbits: false });
  });

  it('load the defaults from stored text that is not JSON', () => {
    const storage = new FakeStorage({ [SETTINGS_KEY]: '{not json' });
    expect(loadSettings(storage)).toEqual(CPP_DEFAULTS);
  });

  it('survive a storage that refuses writes or reads', () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    expect(saveSettings({ show_labels: false }, storage).show_labels).toBe(false);
    const unreadable = { getItem: () => { throw new Error('SecurityError'); } };
    expect(loadSettings(unreadable)).toEqual(CPP_DEFAULTS);
  });
});
