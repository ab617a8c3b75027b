import { describe, expect, it } from 'vitest';

import { DEFAULT_OFFLINE_SHIPS, MAX_OFFLINE_SHIPS, offlineShips } from '../../web/js/offline.js';

describe('offlineShips', () => {
  it('is null for an address without "offline" (the online game)', () => {
    expect(offlineShips('')).toBeNull();
    expect(offlineShips('?reason=x')).toBeNull();
  });

  it('reads the number of scripted ships', () => {
    expect(offlineShips('?offline=0')).toBe(0);
    expect(offlineShips('?offline=250')).toBe(250);
    expect(offlineShips(`?offline=${MAX_OFFLINE_SHIPS}`)).toBe(99999);
  });

  it('takes the local server\'s default for a bare "offline"', () => {
    expect(offlineShips('?offline')).toBe(DEFAULT_OFFLINE_SHIPS);
    expect(offlineShips('?offline=')).toBe(100);
  });

  it('is NaN for anything that is not a whole number within 0..99999', () => {
    for (const bad of ['-1', '1.5', '1e3', 'ten', '100000', '0x10', ' 5', '1234567']) {
      expect(offlineShips(`?offline=${encodeURIComponent(bad)}`)).toBeNaN();
    }
  });
});
