import { describe, expect, it } from 'vitest';

import { LINES_PER_NOTCH, PIXELS_PER_NOTCH, wheelNotches } from '../../web/admin/wheel.js';

describe('wheel notches for the dashboard', () => {
  it('one notch towards the user in pixel mode (Chrome) is y = -1', () => {
    expect(wheelNotches({ deltaX: 0, deltaY: PIXELS_PER_NOTCH, deltaMode: 0 }))
      .toEqual({ x: 0, y: -1 });
  });

  it('one notch away from the user in line mode (Firefox) is y = +1', () => {
    expect(wheelNotches({ deltaX: 0, deltaY: -LINES_PER_NOTCH, deltaMode: 1 }))
      .toEqual({ x: 0, y: 1 });
  });

  it('a page step is one notch, and horizontal deltas are flipped like vertical ones', () => {
    expect(wheelNotches({ deltaX: 2, deltaY: 1, deltaMode: 2 })).toEqual({ x: -2, y: -1 });
  });

  it('a touchpad\'s small pixel deltas become fractions of a notch', () => {
    expect(wheelNotches({ deltaY: -25, deltaMode: 0 }).y).toBeCloseTo(0.25, 12);
  });
});
