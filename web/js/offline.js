// The offline mode of the game page (play.html?offline=N): a local world with N scripted ships
// and no server, for demos and benchmarks.

// Scripted ships when the address says only "?offline" (LocalServerDef's default).
export const DEFAULT_OFFLINE_SHIPS = 100;
// Most scripted ships: sim::kMaxShips (100000) less the pilot's own.
export const MAX_OFFLINE_SHIPS = 99999;
// Seed of the scripted spawns and controls: the same world on every load.
export const OFFLINE_SEED = 1;

// The number of scripted ships an address asks for: null when it is not offline, NaN when the
// value is not a whole number 0..MAX_OFFLINE_SHIPS. search: location.search.
export function offlineShips(search) {
  const value = new URLSearchParams(search).get('offline');
  if (value === null) return null;
  if (value === '') return DEFAULT_OFFLINE_SHIPS;
  if (!/^[0-9]{1,6}$/.test(value)) return NaN;
  const ships = Number(value);
  return ships <= MAX_OFFLINE_SHIPS ? ships : NaN;
}
