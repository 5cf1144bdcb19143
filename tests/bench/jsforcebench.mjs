// jsforce 3, a Salesforce client nobody here wrote, against the same generated org as
// pasalista-bench-sync (issue 26's peer): the fetch of every record Pasalista's first pull
// stores (same objects, same fields, pages of 2,000 followed with queryMore, nothing stored)
// and an update of the status of 10,000 marks (sObject Collections, jsforce's own batching).
// Prints "FIGURE key value" lines for tests/bench/benchtable.sh.
// Usage: SALESFORCE_EMULATOR=.../salesforce-emulator node jsforcebench.mjs [students enrollments
//        attendance marks]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Emulator } from '../emulator/jsforce/emulator.mjs';

const jsforceDir = new URL('../emulator/jsforce/', import.meta.url);
const jsforce = createRequire(new URL('package.json', jsforceDir))('jsforce');
const kVersion = '59.0';
const kOffice = { username: 'oficina@dream.demo', password: 'Oficina-2024' };
const [students = 5000, enrollments = 10000, attendance = 100000, marks = 10000] =
    process.argv.slice(2).map(Number);

function mappedObjects() {
  const mapping = JSON.parse(
      readFileSync(new URL('../../resources/mappings/dream.json', import.meta.url), 'utf8'));
  return mapping.mappings.map((entry) => ({
    name: entry.object_name,
    fields: Object.keys(entry.config.fields),
  }));
}

async function fetchAll(conn, soql) {
  let count = 0;
  let page = await conn.query(soql, { autoFetch: false });
  count += page.records.length;
  while (!page.done) {
    page = await conn.queryMore(page.nextRecordsUrl);
    count += page.records.length;
  }
  return count;
}

function figure(key, value) {
  console.log(`FIGURE ${key} ${value.toFixed(3)}`);
}

const org = await Emulator.start([
  '--generate', `students=${students},enrollments=${enrollments},attendance=${attendance}`,
]);
try {
  const conn = new jsforce.Connection({
    oauth2: { loginUrl: org.loginUrl, clientId: 'PasalistaBench', clientSecret: 'unused' },
    version: kVersion,
  });
  await conn.login(kOffice.username, kOffice.password);
  const rounds = [];
  let fetched = 0;
  for (let round = 0; round < 3; ++round) {
    const started = process.hrtime.bigint();
    fetched = 0;
    for (const object of mappedObjects()) {
      fetched += await fetchAll(conn, `SELECT ${object.fields.join(', ')} FROM ${object.name}`);
    }
    rounds.push(Number(process.hrtime.bigint() - started) / 1e9);
    console.log(`jsforce fetch (no store), round ${round + 1}: ${fetched} records in ` +
                `${rounds.at(-1).toFixed(2)} s`);
  }
  rounds.sort((a, b) => a - b);
  figure('jsforce_fetch_seconds', rounds[1]);
  figure('jsforce_fetch_records', fetched);

  const page = await conn.query(`SELECT Id, Attendance_Type__c FROM Attendance__c LIMIT ${marks}`,
                                { autoFetch: true, maxFetch: marks });
  const changes = page.records.map((record) => ({
    Id: record.Id,
    Attendance_Type__c: (Number(record.Attendance_Type__c) + 1) % 5,
  }));
  const started = process.hrtime.bigint();
  const results = await conn.sobject('Attendance__c').update(changes, { allowRecursive: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = results.filter((result) => !result.success).length;
  console.log(`jsforce push of ${changes.length} marks: ${failed} failed in ${seconds.toFixed(2)} s`);
  figure('jsforce_push_seconds', seconds);
} finally {
  await org.stop();
}
