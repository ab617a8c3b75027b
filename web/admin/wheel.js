// Mouse wheel input for the dashboard. Emscripten's GLFW passes the browser's wheel deltas on
// as they are (about 100 per notch in pixel mode, 3 in line mode, and with the page's sign:
// positive = towards the user), while ImGui expects notches with positive = away from the user.
// The page takes wheel events on the canvas itself and hands the dashboard notches.

// Pixels and lines per notch, as browsers report them for one turn of a mouse wheel.
export const PIXELS_PER_NOTCH = 100;
export const LINES_PER_NOTCH = 3;

// WheelEvent.deltaMode values.
const DOM_DELTA_PIXEL = 0;
const DOM_DELTA_LINE = 1;

// {x, y} in notches for a WheelEvent's deltaX, deltaY and deltaMode; y > 0 = away from the user
// (zoom in, scroll up), x > 0 = to the left (ImGui's horizontal convention).
export function wheelNotches({ deltaX = 0, deltaY = 0, deltaMode = DOM_DELTA_PIXEL }) {
  let per = 1;  // DOM_DELTA_PAGE: one page is one notch
  if (deltaMode === DOM_DELTA_PIXEL) per = PIXELS_PER_NOTCH;
  if (deltaMode === DOM_DELTA_LINE) per = LINES_PER_NOTCH;
  // 0 - d rather than -d: no deltas give 0, not -0.
  return { x: 0 - deltaX / per, y: 0 - deltaY / per };
}
