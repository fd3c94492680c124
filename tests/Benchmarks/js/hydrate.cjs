// The amplify-js side of `Benchmarks sync`: the stock Amplify JavaScript DataStore (aws-amplify 6.x, installed in
// tests/AmplifyJsCompat; the benchmark sets NODE_PATH to its node_modules) base-syncs everything the local backend
// holds, as the C# client does in the same run. Models: tests/AmplifyJsCompat/sync-models.cjs (sync.graphql).
// Usage: node hydrate.cjs <amplify_outputs.json> <maxRecordsToSync> <capSeconds>   (NODE_EXTRA_CA_CERTS=<pem>)
// Prints one line "RESULT {json}": time from DataStore.start() to Post's modelSynced hub event and to ready, and the
// peak resident set (maxRSS) of this process. At the cap it reports how many posts it had stored by then (partial).
// CommonJS for the same reason as tests/AmplifyJsCompat/sync.cjs (one @aws-amplify/core singleton).
const { readFileSync } = require('node:fs');
const WebSocket = require('ws');
const { Amplify } = require('aws-amplify');
const { Hub } = require('aws-amplify/utils');
const { DataStore, initSchema } = require('@aws-amplify/datastore');
const { schema } = require('../../AmplifyJsCompat/sync-models.cjs');

globalThis.WebSocket ??= WebSocket; // Node 20 has no global WebSocket
// The getDefaultAdapter workaround of sync.cjs: name the adapter DataStore would pick in Node (in-memory in Node).
const { default: AsyncStorageAdapter } = require('@aws-amplify/datastore/dist/cjs/storage/adapter/AsyncStorageAdapter');

const [outputsPath, maxArg, capArg] = process.argv.slice(2);
const n = Number(maxArg || 100000);
const capMs = Number(capArg || 600) * 1000;
const outputs = JSON.parse(readFileSync(outputsPath, 'utf8'));
Amplify.configure(outputs);
let errors = 0;
DataStore.configure({
  storageAdapter: AsyncStorageAdapter,
  maxRecordsToSync: n,
  syncPageSize: 1000,
  errorHandler: (error) => { errors++; process.stderr.write('[js] errorHandler ' + error.message + '\n'); },
});
const { Post } = initSchema(schema);

const now = () => Number(process.hrtime.bigint()) / 1e6;
let t0 = 0;
let postSynced = null;
let postCounts = null;
let readyAt = null;
let resolveDone;
const done = new Promise((r) => { resolveDone = r; });
Hub.listen('datastore', ({ payload }) => {
  const { event, data } = payload;
  if (event === 'modelSynced' && data.model.name === 'Post') { postSynced = now() - t0; postCounts = data.counts; }
  if (event === 'ready') { readyAt = now() - t0; resolveDone(); }
});

async function main() {
  let exitCode = 0;
  const result = { n, capSeconds: capMs / 1000 };
  try {
    t0 = now();
    await DataStore.start();
    result.startMs = now() - t0;
    const capped = await Promise.race([done.then(() => false), new Promise((r) => setTimeout(() => r(true), capMs).unref())]);
    result.partial = capped;
    result.postSyncedMs = postSynced;
    result.readyMs = readyAt;
    result.counts = postCounts;
    result.peakRssMb = process.resourceUsage().maxRSS / 1024;
    result.elapsedMs = now() - t0;
    result.local = (await DataStore.query(Post)).length;
    result.errors = errors;
  } catch (error) {
    result.error = String((error && error.stack) || error);
    exitCode = 1;
  }
  console.log('RESULT ' + JSON.stringify(result));
  try { await Promise.race([DataStore.stop(), new Promise((r) => setTimeout(r, 5000).unref())]); } catch { }
  process.exit(exitCode);
}

main();
