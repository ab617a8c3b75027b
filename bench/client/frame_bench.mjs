// Browser client benchmark (make bench-client): in headless Chromium (software WebGL), the
// frame time of the game page in offline mode (a local server with N scripted ships), the
// WASM module's size, and the time from opening the page to the first rendered frame.
//
//   node bench/client/frame_bench.mjs [--web-root build/wasm/web] [--ships 100,1000]
//                                     [--frames 600] [--out build/bench/client.json]
//
// Offline mode runs the whole client path (protocol frames, confirmed world, prediction,
// scene, HUD) plus the local server's own tick, which the timings report separately.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
}, []));
const webRoot = path.resolve(args['web-root'] ?? 'build/wasm/web');
const shipCounts = (args.ships ?? '100,1000').split(',').map(Number);
const frameCount = Number(args.frames ?? 600);
const outFile = path.resolve(args.out ?? 'build/bench/client.json');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
                '.wasm': 'application/wasm', '.json': 'application/json' };

// A static server for the web root, so the page loads the module as it would from the game
// server (streamed fetch with Content-Length).
function serve(root) {
    const server = http.createServer((req, res) => {
        const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
        if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
            res.writeHead(404).end();
            return;
        }
        const body = fs.readFileSync(file);
        res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
                             'Content-Length': body.length }).end(body);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function summary(values) {
    return { p50: percentile(values, 0.5), p99: percentile(values, 0.99),
             mean: values.reduce((a, b) => a + b, 0) / values.length };
}

async function measure(browser, baseUrl, ships) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/play.html?offline=${ships}`);
    await page.waitForFunction(() => window.galaxy?.status?.().has_world === true, null,
                               { timeout: 120000 });
    const firstFrameMs = await page.evaluate(() => {
        const mark = performance.getEntriesByName('galaxy-first-frame')[0];
        return mark ? mark.startTime : null;
    });
    const samples = await page.evaluate(async ({ frames }) => {
        const out = [];
        let last = performance.now();
        for (let i = 0; i < frames + 60; ++i) {
            const now = await new Promise((resolve) => requestAnimationFrame(resolve));
            if (i >= 60) out.push({ ...window.galaxy.app.frameTimings(), interval_ms: now - last });
            last = now;
        }
        return out;
    }, { frames: frameCount });
    const status = await page.evaluate(() => window.galaxy.status());
    await page.close();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const pick = (key) => summary(samples.map((s) => s[key]));
    return { ships, world_ships: status.ships, frames: samples.length, first_frame_ms: firstFrameMs,
             frame_total_ms: pick('total_ms'), prediction_ms: pick('prediction_ms'),
             render_ms: pick('render_ms'), local_server_ms: pick('local_server_ms'),
             frame_interval_ms: pick('interval_ms'), hash_mismatches: status.hash_mismatches };
}

const wasm = fs.readFileSync(path.join(webRoot, 'wasm/galaxy-client.wasm'));
const js = fs.readFileSync(path.join(webRoot, 'wasm/galaxy-client.js'));
const sizes = { wasm_bytes: wasm.length, wasm_gzip_bytes: zlib.gzipSync(wasm, { level: 9 }).length,
                js_bytes: js.length, js_gzip_bytes: zlib.gzipSync(js, { level: 9 }).length };

const server = await serve(webRoot);
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
    executablePath: process.env.GALAXY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const runs = [];
try {
    for (const ships of shipCounts) runs.push(await measure(browser, baseUrl, ships));
} finally {
    await browser.close();
    server.close();
}

const result = { date: new Date().toISOString(), chromium: browser.version?.() ?? null, sizes, runs };
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
const f = (x) => (x === null || x === undefined ? '-' : x.toFixed(2));
console.log(`WASM ${sizes.wasm_bytes} B (gzip ${sizes.wasm_gzip_bytes} B), JS ${sizes.js_bytes} B (gzip ${sizes.js_gzip_bytes} B)`);
console.log('| ships | frame p50 / p99 ms | prediction p50 / p99 ms | render p50 / p99 ms | local server p50 / p99 ms | rAF interval p50 ms | first frame ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of runs) {
    console.log(`| ${r.world_ships} | ${f(r.frame_total_ms.p50)} / ${f(r.frame_total_ms.p99)} | ${f(r.prediction_ms.p50)} / ${f(r.prediction_ms.p99)} | ${f(r.render_ms.p50)} / ${f(r.render_ms.p99)} | ${f(r.local_server_ms.p50)} / ${f(r.local_server_ms.p99)} | ${f(r.frame_interval_ms.p50)} | ${f(r.first_frame_ms)} |`);
}
console.log(`results: ${outFile}`);
