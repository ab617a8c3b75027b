// Playwright global setup: a private PostgreSQL cluster and galaxy-server (see harness.js).
import { setUp } from './harness.js';

export default async function globalSetup() {
  await setUp();
}
