#!/usr/bin/env node
// Prints a short human summary of one galaxy-sim JSON document (the output of `make run`):
// how far the simulation got, its state hash, and where each ship ended up relative to the
// body nearest to it. Usage: node scripts/summarize-run.js <galaxy-sim output.json>
'use strict';

const fs = require('fs');

function fail(message) {
    process.stderr.write(`summarize-run: ${message}\n`);
    process.exit(1);
}

if (process.argv.length !== 3) fail('usage: node scripts/summarize-run.js <galaxy-sim output.json>');
let doc;
try {
    doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
} catch (error) {
    fail(`cannot read ${process.argv[2]}: ${error.message}`);
}
for (const key of ['tick', 'game_time_s', 'hash', 'bodies', 'ships']) {
    if (!(key in doc)) fail(`the document has no "${key}"`);
}

const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const norm = (v) => Math.hypot(v[0], v[1], v[2]);
const km = (m) => (m / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 });

const days = doc.game_time_s / 86400;
console.log(`galaxy-sim summary: ${doc.tick} ticks, game time ${doc.game_time_s} s ` +
            `(${days.toFixed(3)} days after J2000), state hash ${doc.hash}`);
console.log(`  ${doc.bodies.length} bodies, ${doc.ships.length} ships`);
for (const ship of doc.ships) {
    let nearest = null;
    let nearestDistance = Infinity;
    for (const body of doc.bodies) {
        const distance = norm(sub(ship.position_m, body.position_m));
        if (distance < nearestDistance) {
            nearest = body;
            nearestDistance = distance;
        }
    }
    if (nearest === null) {
        console.log(`  ${ship.name}: no bodies to measure against`);
        continue;
    }
    const speed = norm(sub(ship.velocity_m_s, nearest.velocity_m_s));
    console.log(`  ${ship.name}: ${km(nearestDistance)} km from the centre of ${nearest.name}, ` +
                `${speed.toFixed(1)} m/s relative to it`);
}
