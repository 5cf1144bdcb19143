// Issue 9, point 10: jsforce, a Salesforce client library nobody here wrote, drives the org
// emulator through OAuth, describe, paged queries, sObject Collections, queryAll and errors.
// Where jsforce and the emulator disagree, the emulator is wrong unless Salesforce's
// documentation says otherwise. Run by ctest (test emulator_jsforce), or by hand:
//   SALESFORCE_EMULATOR=build/dev/tests/emulator/salesforce-emulator \
//     node --test tests/emulator/jsforce/jsforce.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Emulator } from './emulator.mjs';

let jsforce;
try {
  jsforce = (await import('jsforce')).default;
} catch (error) {
  throw new Error(`jsforce is not installed in tests/emulator/jsforce (run scripts/install-deps): ${
      error.message}`);
}

const kVersion = '59.0';
const kClientId = 'PasalistaJsforceTest';
// The Salesforce CLI's well-known loopback callback, registered as a connected app's would be.
const kCallback = 'http://localhost:1717/OauthRedirect';
const kOffice = { username: 'oficina@dream.demo', password: 'Oficina-2024' };
const kStudents = 4500; // three pages of at most 2,000
const kPageSize = 2000;
const kEnrollments = 450; // three pages of 200: parent fields make pages smaller
const kParentPageSize = 200;

// A connected app without a consumer secret, using PKCE, as Pasalista's.
function webServerOAuth(org) {
  return new jsforce.OAuth2({
    loginUrl: org.loginUrl,
    clientId: kClientId,
    redirectUri: kCallback,
    useVerifier: true,
  });
}

// Plays the browser: opens the authorization URL, submits the login page's form and returns
// the redirect to the callback (which no one needs to listen on: the code is in its query).
async function signInInBrowser(authorizationUrl, user) {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  assert.equal(page.status, 200, 'the authorize endpoint shows a login page');
  const html = await page.text();
  const form = html.match(/<form[^>]*action="([^"]+)"/);
  assert.ok(form, 'the login page has a form');
  const fields = new URLSearchParams();
  for (const input of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(input[1], decodeHtml(input[2]));
  }
  fields.append('username', user.username);
  fields.append('password', user.password);
  const answer = await fetch(new URL(form[1], authorizationUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  assert.equal(answer.status, 302, 'a good login redirects to the callback');
  return new URL(answer.headers.get('location'));
}

function decodeHtml(text) {
  return text.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>')
      .replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

async function signInWithCode(org, user = kOffice) {
  const oauth2 = webServerOAuth(org);
  const state = `state-${Date.now()}`;
  const redirect =
      await signInInBrowser(oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state }), user);
  assert.equal(`${redirect.origin}${redirect.pathname}`, kCallback);
  assert.equal(redirect.searchParams.get('state'), state);
  const code = redirect.searchParams.get('code');
  assert.ok(code, `the redirect carries a code: ${redirect}`);
  const conn = new jsforce.Connection({ oauth2, version: kVersion });
  const userInfo = await conn.authorize(code);
  return { conn, userInfo };
}

function student(key, extra = {}) {
  return {
    Pasalista_Id__c: key,
    First_Name__c: 'Ana',
    Last_Name__c: `Jsforce ${key}`,
    Date_of_Birth__c: '2012-05-01',
    Phone_Number_1__c: '809-555-0101',
    ...extra,
  };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('jsforce against the org emulator', () => {
  let org;
  let conn;

  before(async () => {
    org = await Emulator.start([
      '--generate', `classes=2,students=${kStudents},enrollments=${kEnrollments},attendance=0`,
      '--callback', kCallback,
    ]);
    ({ conn } = await signInWithCode(org));
  });

  after(async () => {
    if (org) {
      assert.equal(await org.stop(), 0, 'the emulator exits cleanly');
    }
  });

  test('OAuth web-server flow with PKCE and no secret signs in and reaches the instance',
       async () => {
         const { conn: signedIn, userInfo } = await signInWithCode(org);
         assert.match(userInfo.id, /^005/);
         assert.match(userInfo.organizationId, /^00D/);
         assert.ok(signedIn.accessToken);
         assert.ok(signedIn.refreshToken, 'scope refresh_token gives a refresh token');
         assert.match(signedIn.instanceUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
         // The login host and the instance are different hosts, as in Salesforce.
         assert.notEqual(signedIn.instanceUrl, org.loginUrl);
         const identity = await signedIn.identity();
         assert.equal(identity.username, kOffice.username);
         assert.equal(identity.user_id, userInfo.id);
       });

  test('an unregistered callback gets redirect_uri_mismatch and no redirect', async () => {
    const stranger = new jsforce.OAuth2({
      loginUrl: org.loginUrl,
      clientId: kClientId,
      redirectUri: 'http://localhost:9/OauthRedirect',
      useVerifier: true,
    });
    const page = await fetch(stranger.getAuthorizationUrl({ scope: 'api refresh_token' }),
                             { redirect: 'manual' });
    assert.notEqual(page.status, 302);
    assert.equal(page.headers.get('location'), null);
    assert.match(await page.text(), /redirect_uri_mismatch/);
  });

  test('OAuth username-password flow signs in', async () => {
    // The emulator keeps no consumer secrets (its README says so): any secret passes here.
    const passwordConn = new jsforce.Connection({
      oauth2: { loginUrl: org.loginUrl, clientId: kClientId, clientSecret: 'unused' },
      version: kVersion,
    });
    const userInfo = await passwordConn.login(kOffice.username, kOffice.password);
    assert.match(userInfo.id, /^005/);
    const result = await passwordConn.query('SELECT COUNT() FROM Class__c');
    assert.equal(result.totalSize, 2);
  });

  test('a wrong password is refused with invalid_grant', async () => {
    const passwordConn = new jsforce.Connection({
      oauth2: { loginUrl: org.loginUrl, clientId: kClientId, clientSecret: 'unused' },
      version: kVersion,
    });
    const error = await rejection(passwordConn.login(kOffice.username, 'wrong'));
    assert.equal(error.name, 'invalid_grant');
  });

  test('an expired session is refreshed with the refresh token', async () => {
    const { conn: signedIn } = await signInWithCode(org);
    const before = signedIn.accessToken;
    let refreshed = 0;
    signedIn.on('refresh', () => { refreshed += 1; });
    await org.admin('POST', 'expire-sessions');
    const result = await signedIn.query('SELECT COUNT() FROM Class__c');
    assert.equal(result.totalSize, 2);
    assert.equal(refreshed, 1);
    assert.notEqual(signedIn.accessToken, before);
  });

  test('describe: global and per object', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((sobject) => sobject.name);
    for (const name of ['Student__c', 'Class__c', 'Attendance__c']) {
      assert.ok(names.includes(name), `${name} in the global describe`);
    }
    const described = await conn.sobject('Student__c').describe();
    assert.equal(described.name, 'Student__c');
    const field = (name) => described.fields.find((f) => f.name === name);
    assert.equal(field('Pasalista_Id__c').externalId, true);
    assert.equal(field('Last_Name__c').nillable, false);
    assert.equal(field('Id').type, 'id');
    assert.equal(field('Sex__c').type, 'picklist');
    assert.ok(field('Sex__c').picklistValues.length > 0);
    const enrollment = await conn.describe('ParticipantEnrollment__c');
    const lookup = enrollment.fields.find((f) => f.name === 'Student__c');
    assert.deepEqual(lookup.referenceTo, ['Student__c']);
    assert.equal(lookup.relationshipName, 'Student__r');
  });

  test('query pages of 2,000 with queryMore', async () => {
    const soql = 'SELECT Id, Last_Name__c FROM Student__c ORDER BY Id';
    const first = await conn.query(soql);
    assert.equal(first.totalSize, kStudents);
    assert.equal(first.done, false);
    assert.equal(first.records.length, kPageSize);
    assert.ok(first.nextRecordsUrl);
    const ids = first.records.map((record) => record.Id);
    let page = first;
    let pages = 1;
    while (!page.done) {
      page = await conn.queryMore(page.nextRecordsUrl);
      ids.push(...page.records.map((record) => record.Id));
      pages += 1;
    }
    assert.equal(pages, Math.ceil(kStudents / kPageSize));
    assert.equal(ids.length, kStudents);
    assert.equal(new Set(ids).size, kStudents, 'no record twice across pages');
  });

  test('a query with parent fields pages by 200', async () => {
    const soql = 'SELECT Id, Student__r.Last_Name__c, Class__r.Title__c ' +
        'FROM ParticipantEnrollment__c';
    const first = await conn.query(soql);
    assert.equal(first.totalSize, kEnrollments);
    assert.equal(first.records.length, kParentPageSize);
    assert.ok(first.records[0].Student__r.Last_Name__c);
    const all = await conn.query(soql, { autoFetch: true, maxFetch: 10000 });
    assert.equal(all.records.length, kEnrollments);
    assert.equal(new Set(all.records.map((record) => record.Id)).size, kEnrollments);
  });

  test('query with autoFetch streams every page', async () => {
    const records = [];
    const query = conn.query('SELECT Id FROM Student__c')
                      .on('record', (record) => records.push(record));
    const done = new Promise((resolve, reject) => {
      query.on('end', resolve);
      query.on('error', reject);
    });
    query.run({ autoFetch: true, maxFetch: 10000 });
    await done;
    assert.equal(records.length, kStudents);
    assert.equal(query.totalSize, kStudents);
    assert.equal(query.totalFetched, kStudents);
    assert.equal(new Set(records.map((record) => record.Id)).size, kStudents);

    const all = await conn.query('SELECT Id FROM Student__c', { autoFetch: true, maxFetch: 10000 });
    assert.equal(all.records.length, kStudents);
  });

  test('collections: create, retrieve, update, upsert by Pasalista_Id__c, destroy', async () => {
    const students = conn.sobject('Student__c');
    const created = await students.create([student('js-1'), student('js-2'), student('js-3')]);
    assert.equal(created.length, 3);
    for (const result of created) {
      assert.equal(result.success, true, JSON.stringify(result));
      assert.match(result.id, /^a04/); // Student__c's key prefix
      assert.deepEqual(result.errors, []);
    }
    const ids = created.map((result) => result.id);

    const retrieved = await students.retrieve(ids, { fields: ['Id', 'Last_Name__c'] });
    assert.deepEqual(retrieved.map((record) => record.Last_Name__c),
                     ['Jsforce js-1', 'Jsforce js-2', 'Jsforce js-3']);

    const updated = await students.update(
        ids.slice(0, 2).map((Id, i) => ({ Id, Nickname__c: `apodo ${i}` })));
    assert.deepEqual(updated.map((result) => result.success), [true, true]);
    assert.deepEqual(updated.map((result) => result.id), ids.slice(0, 2));

    const upserted = await students.upsert(
        [student('js-3', { Nickname__c: 'cambiado' }), student('js-4')], 'Pasalista_Id__c');
    assert.deepEqual(upserted.map((result) => result.success), [true, true],
                     JSON.stringify(upserted));
    assert.deepEqual(upserted.map((result) => result.created), [false, true]);
    assert.equal(upserted[0].id, ids[2]);
    ids.push(upserted[1].id);

    const after = await conn.query(
        `SELECT Pasalista_Id__c, Nickname__c FROM Student__c WHERE Id IN ('${ids.join("','")}') ` +
        'ORDER BY Pasalista_Id__c');
    assert.deepEqual(after.records.map((record) => [record.Pasalista_Id__c, record.Nickname__c]), [
      ['js-1', 'apodo 0'], ['js-2', 'apodo 1'], ['js-3', 'cambiado'], ['js-4', null]
    ]);

    const destroyed = await students.destroy(ids);
    assert.deepEqual(destroyed.map((result) => result.success), [true, true, true, true]);
    const gone = await conn.query(
        `SELECT COUNT() FROM Student__c WHERE Id IN ('${ids.join("','")}')`);
    assert.equal(gone.totalSize, 0);
  });

  test('queryAll and scanAll return deleted records with IsDeleted', async () => {
    const students = conn.sobject('Student__c');
    const created = await students.create([student('js-del-1'), student('js-del-2')]);
    const ids = created.map((result) => result.id);
    await students.destroy([ids[0]]);
    const soql = `SELECT Id, IsDeleted FROM Student__c WHERE Id IN ('${ids.join("','")}') ` +
        'ORDER BY Id';

    const live = await conn.query(soql);
    assert.deepEqual(live.records.map((record) => record.Id), [ids[1]]);

    // jsforce 3 has no conn.queryAll: scanAll sends the query to the queryAll resource.
    const all = await conn.query(soql, { scanAll: true });
    assert.deepEqual(all.records.map((record) => [record.Id, record.IsDeleted]),
                     [[ids[0], true], [ids[1], false]]);
    const scanned = await conn.sobject('Student__c')
                        .find({ Id: { $in: ids } }, ['Id', 'IsDeleted'])
                        .scanAll(true);
    assert.equal(scanned.length, 2);
  });

  test('queryAll pages past 2,000 records, its locator read through query and queryAll',
       async () => {
         const soql = 'SELECT Id FROM Student__c';
         const all = await conn.query(soql, { scanAll: true, autoFetch: true, maxFetch: 10000 });
         assert.ok(all.records.length > kStudents, 'the deleted students too');
         assert.equal(all.records.length, all.totalSize);

         // Salesforce's nextRecordsUrl after queryAll says /query/; /queryAll/ takes it too.
         const first = await conn.request(`/queryAll?q=${encodeURIComponent(soql)}`);
         assert.match(first.nextRecordsUrl, /\/query\/[^/]+$/);
         const viaQueryAll =
             await conn.request(first.nextRecordsUrl.replace('/query/', '/queryAll/'));
         const viaQuery = await conn.request(first.nextRecordsUrl);
         assert.equal(viaQueryAll.records.length, kPageSize);
         assert.deepEqual(viaQueryAll.records, viaQuery.records);
       });

  test('errors surface as jsforce errors with Salesforce\'s errorCode', async () => {
    const badQuery = await rejection(conn.query('SELECT Bogus__c FROM Student__c'));
    assert.equal(badQuery.errorCode, 'INVALID_FIELD');
    assert.match(badQuery.message, /Bogus__c/);

    const badObject = await rejection(conn.query('SELECT Id FROM Nothing__c'));
    assert.equal(badObject.errorCode, 'INVALID_TYPE');

    const malformed = await rejection(conn.query('SELECT FROM Student__c'));
    assert.equal(malformed.errorCode, 'MALFORMED_QUERY');

    const students = conn.sobject('Student__c');
    const missing = await rejection(students.create({ First_Name__c: 'Sin apellido' }));
    assert.equal(missing.errorCode, 'REQUIRED_FIELD_MISSING');
    assert.deepEqual(missing.data?.fields?.sort(),
                     ['Date_of_Birth__c', 'Last_Name__c', 'Phone_Number_1__c']);

    const unknownField = await rejection(students.create(student('js-bad', { Bogus__c: 'x' })));
    assert.equal(unknownField.errorCode, 'INVALID_FIELD');

    // In a collection each record fails on its own, with the same codes.
    const results = await students.create(
        [student('js-ok'), { First_Name__c: 'Sin apellido' }, student('js-x', { Bogus__c: 1 })]);
    assert.deepEqual(results.map((result) => result.success), [true, false, false]);
    assert.equal(results[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    assert.equal(results[2].errors[0].statusCode, 'INVALID_FIELD');
    await students.destroy([results[0].id]);

    // allOrNone: nothing is kept, and jsforce reports every record.
    const rolledBack =
        await students.create([student('js-aon'), { First_Name__c: 'x' }], { allOrNone: true });
    assert.deepEqual(rolledBack.map((result) => result.success), [false, false]);
    assert.equal(rolledBack[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    const kept = await conn.query(
        "SELECT COUNT() FROM Student__c WHERE Pasalista_Id__c = 'js-aon'");
    assert.equal(kept.totalSize, 0);

    const notFound = await rejection(students.retrieve('a05000000000000AAA'));
    assert.equal(notFound.errorCode, 'NOT_FOUND');
  });
});
