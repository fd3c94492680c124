// A long-running stock amplify-js DataStore peer that a test in another process drives, so a C# client and amplify-js
// can sync through the same local backend (tests/Sync.Tests/Compatibility/AmplifyJsPeerTests.cs).
// Usage: node peer.cjs <amplify_outputs.json>  (NODE_EXTRA_CA_CERTS=<pem>)
// Models: sync-models.cjs (tests/Sync.Tests/Schema/sync.graphql). Reads one JSON command per stdin line, runs the
// commands one at a time and answers each with one stdout line {"reply": <n>, "ok": true|false, ...} (n counts the
// commands from 1). Hub events and diagnostics go to stderr. Commands (model is "Post" unless named):
//   {"cmd":"start"}                              DataStore.start() and wait for the ready hub event
//   {"cmd":"save", "fields":{...}}               save a new instance          -> {"item":{...}}
//   {"cmd":"update", "id":..., "fields":{...}}   copyOf the local copy, save  -> {"item":{...}}
//   {"cmd":"delete", "id":...}                   delete the local copy        -> {"deleted":true|false}
//   {"cmd":"query", "id":...}                    the local copy               -> {"item":{...}|null}
//   {"cmd":"waitFor", "id":..., "fields":{...}|null, "timeoutMs":n}
//       poll the local copy until every named field equals the given value (fields null: until it is gone)
//   {"cmd":"drain", "timeoutMs":n}               wait until every local change issued so far was answered by the server
//   {"cmd":"stop"}                               DataStore.stop() and exit 0
// CommonJS for the same reason as sync.cjs (one @aws-amplify/core singleton).
const { readFileSync } = require('node:fs');
const readline = require('node:readline');
const { isDeepStrictEqual } = require('node:util');
const WebSocket = require('ws');
const { Amplify } = require('aws-amplify');
const { Hub } = require('aws-amplify/utils');
const { DataStore, initSchema } = require('@aws-amplify/datastore');
const { schema } = require('./sync-models.cjs');

globalThis.WebSocket ??= WebSocket; // Node 20 has no global WebSocket
// The same getDefaultAdapter workaround as sync.cjs: name the adapter DataStore would pick in Node.
const { default: AsyncStorageAdapter } = require('@aws-amplify/datastore/dist/cjs/storage/adapter/AsyncStorageAdapter');

const log = (what, detail) => process.stderr.write(JSON.stringify({ log: what, detail }) + '\n');

const outputs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
Amplify.configure(outputs);
DataStore.configure({
  storageAdapter: AsyncStorageAdapter,
  errorHandler: (error) => log('errorHandler', { message: error.message, errorType: error.errorType, operation: error.operation }),
});
const models = initSchema(schema);


// Outbox bookkeeping from the hub: every local save or delete enqueues exactly one mutation event (even when the outbox
// merges it into a pending one), and outboxStatus reports isEmpty only once the processor has nothing left.
let ready = 0;
let issued = 0;
let enqueued = 0;
let outboxEmpty = true;
Hub.listen('datastore', ({ payload }) => {
  const { event, data } = payload;
  if (event === 'ready') ready++;
  if (event === 'outboxMutationEnqueued') enqueued++;
  if (event === 'outboxStatus') outboxEmpty = data.isEmpty;
  const element = data && data.element;
  log('hub', { event, data: element ? { model: data.model && data.model.name, element } : data });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out after ' + ms + ' ms waiting for ' + what);
    await sleep(25);
  }
}
const modelOf = (command) => {
  const model = models[command.model || 'Post'];
  if (!model) throw new Error('unknown model ' + command.model);
  return model;
};
const plain = (item) => (item ? JSON.parse(JSON.stringify(item)) : null);
const matches = (item, fields) => (fields === null ? !item : !!item && Object.entries(fields).every(([k, v]) => isDeepStrictEqual(item[k] ?? null, v)));

const handlers = {
  async start() {
    const before = ready;
    await DataStore.start();
    await until(() => ready > before, 30000, 'the ready hub event');
    return {};
  },
  async save(c) {
    const Model = modelOf(c);
    issued++;
    return { item: plain(await DataStore.save(new Model(c.fields))) };
  },
  async update(c) {
    const Model = modelOf(c);
    const local = await DataStore.query(Model, c.id);
    if (!local) throw new Error('no local ' + Model.name + ' ' + c.id);
    issued++;
    return { item: plain(await DataStore.save(Model.copyOf(local, (u) => Object.assign(u, c.fields)))) };
  },
  async delete(c) {
    const Model = modelOf(c);
    const local = await DataStore.query(Model, c.id);
    if (!local) return { deleted: false };
    issued++;
    await DataStore.delete(local);
    return { deleted: true };
  },
  async query(c) {
    return { item: plain(await DataStore.query(modelOf(c), c.id)) };
  },
  async waitFor(c) {
    const Model = modelOf(c);
    let last;
    try {
      await until(async () => matches((last = await DataStore.query(Model, c.id)), c.fields), c.timeoutMs || 20000, JSON.stringify(c.fields));
    } catch (error) {
      error.detail = { last: plain(last) };
      throw error;
    }
    return { item: plain(last) };
  },
  async drain(c) {
    await until(() => enqueued >= issued && outboxEmpty, c.timeoutMs || 20000, `an empty outbox (issued ${issued}, enqueued ${enqueued}, empty ${outboxEmpty})`);
    return {};
  },
  async stop() {
    await DataStore.stop();
    return {};
  },
};

let count = 0;
let chain = Promise.resolve();
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const reply = ++count;
  chain = chain.then(async () => {
    let answer;
    try {
      const command = JSON.parse(line);
      const handler = handlers[command.cmd];
      if (!handler) throw new Error('unknown command ' + command.cmd);
      answer = { reply, ok: true, ...(await handler(command)) };
      if (command.cmd === 'stop') {
        process.stdout.write(JSON.stringify(answer) + '\n', () => process.exit(0));
        return;
      }
    } catch (error) {
      answer = { reply, ok: false, error: String((error && error.stack) || error), ...(error && error.detail) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
// The driving test went away (closed our stdin): stop instead of lingering.
lines.on('close', () => chain.then(() => DataStore.stop()).finally(() => process.exit(0)));
