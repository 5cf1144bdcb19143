// jsforce 3 fetching, without storing, what pasalista-bench-sync's first pull reads: every
// page of each mapped object's query (the fields of resources/mappings/dream.json) from an
// emulator generated with the same counts. The peer figure beside the pull and its floors.
// Usage (jsforce as installed by scripts/install-deps in tests/emulator/jsforce):
//   SALESFORCE_EMULATOR=build/bench/tests/emulator/salesforce-emulator \
//     node tests/bench/jsforcefetch.mjs [students=5000,enrollments=10000,attendance=100000] [rounds]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { Emulator } from '../emulator/jsforce/emulator.mjs';

const require = createRequire(new URL('../emulator/jsforce/package.json', import.meta.url));
const jsforce = require('jsforce');

const spec = process.argv[2] ?? 'students=5000,enrollments=10000,attendance=100000';
const rounds = Number(process.argv[3] ?? 3);
const mapping = JSON.parse(
    readFileSync(new URL('../../resources/mappings/dream.json', import.meta.url), 'utf8'));

const org = await Emulator.start(['--generate', spec]);
try {
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: 'pasalista-bench',
    username: 'oficina@dream.demo',
    password: 'Oficina-2024',
  });
  const token = await (await fetch(`${org.loginUrl}/services/oauth2/token`,
                                   { method: 'POST', body: form })).json();
  const conn = new jsforce.Connection(
      { instanceUrl: token.instance_url, accessToken: token.access_token, version: '59.0' });
  const times = [];
  for (let round = 1; round <= rounds; ++round) {
    const started = process.hrtime.bigint();
    let records = 0;
    for (const object of mapping.mappings) {
      const fields = Object.keys(object.config.fields).join(', ');
      const result = await conn.query(`SELECT ${fields} FROM ${object.object_name}`,
                                      { autoFetch: true, maxFetch: 10000000 });
      records += result.records.length;
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    console.log(`Round ${round}: jsforce fetched ${records} records in ${
        times.at(-1).toFixed(2)} s`);
  }
  times.sort((a, b) => a - b);
  console.log(`jsforce fetch only (median of ${rounds}): ${
      times[Math.floor(times.length / 2)].toFixed(2)} s; peak RSS ${
      (process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await org.stop();
}
