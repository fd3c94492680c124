// Drives the real Amplify JavaScript DataStore (aws-amplify 6.x) against a running local backend and checks every
// step against the server over plain HTTP. Usage: node sync.cjs <amplify_outputs.json>  (NODE_EXTRA_CA_CERTS=<pem>)
// Prints one JSON line per step and exits 0 only if every step passed.
// CommonJS on purpose: @aws-amplify/datastore has no "exports" map, so an ESM import loads its CommonJS build, which
// then talks to the CommonJS @aws-amplify/core, a different singleton from the one an ESM `aws-amplify` configures.
const { readFileSync } = require('node:fs');
const WebSocket = require('ws');
const { Amplify } = require('aws-amplify');
const { Hub } = require('aws-amplify/utils');
const { DataStore, initSchema } = require('@aws-amplify/datastore');
const { schema } = require('./models.cjs');

globalThis.WebSocket ??= WebSocket; // Node 20 has no global WebSocket
// @aws-amplify/datastore 5.1.13 getDefaultAdapter reads `isBrowser && window.indexedDB` without calling isBrowser,
// so in Node it touches an undeclared `window`; naming the adapter it would pick in Node avoids that path.
const { default: AsyncStorageAdapter } = require('@aws-amplify/datastore/dist/cjs/storage/adapter/AsyncStorageAdapter');

const outputs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
Amplify.configure(outputs);
DataStore.configure({ storageAdapter: AsyncStorageAdapter });
const { Post, Comment } = initSchema(schema);
const endpoint = outputs.data.url;
const apiKey = outputs.data.api_key;

const events = [];
const waiters = [];
Hub.listen('datastore', ({ payload }) => {
  events.push(payload);
  for (const w of [...waiters]) if (w.match(payload)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(payload); }
});
function waitFor(match, what, ms = 20000) {
  const seen = events.find(match);
  if (seen) { events.splice(events.indexOf(seen), 1); return Promise.resolve(seen); }
  return new Promise((resolve, reject) => {
    const w = { match, resolve: (p) => { clearTimeout(t); events.splice(events.indexOf(p), 1); resolve(p); } };
    const t = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); reject(new Error('timed out waiting for ' + what)); }, ms);
    waiters.push(w);
  });
}
async function gql(query, variables) {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error('server: ' + JSON.stringify(body.errors));
  return body.data;
}
const processed = (model, pred = () => true) => (p) => p.event === 'outboxMutationProcessed' && p.data.model.name === model && pred(p.data.element);
function check(step, condition, detail) {
  console.log(JSON.stringify({ step, ok: !!condition, detail }));
  if (!condition) throw new Error(step + ' failed: ' + JSON.stringify(detail));
}

async function main() {
let exitCode = 0;
try {
  await DataStore.start();
  await waitFor((p) => p.event === 'ready', 'ready');
  check('ready', true, 'the ready hub event arrived');

  // 1. A local save reaches the server through the outbox: version 1, the server's timestamps.
  const saved = await DataStore.save(new Post({ title: 'from amplify-js', rating: 7, status: 'ACTIVE' }));
  await waitFor(processed('Post', (e) => e.id === saved.id), 'create processed');
  let server = (await gql('query($id: ID!) { getPost(id: $id) { id title rating status _version _deleted _lastChangedAt createdAt } }', { id: saved.id })).getPost;
  check('create-synced', server && server.title === 'from amplify-js' && server._version === 1 && server.createdAt, server);

  // 2. A local update of the synced copy carries _version and bumps it on the server. (Updating the instance `save`
  //    returned, from before the create synced, would send no _version: a conflict that AUTOMERGE resolves for the
  //    server, exactly as AppSync does.)
  const synced = await DataStore.query(Post, saved.id);
  await DataStore.save(Post.copyOf(synced, (u) => { u.rating = 9; }));
  await waitFor(processed('Post', (e) => e.id === saved.id && e._version === 2), 'update processed');
  server = (await gql('query($id: ID!) { getPost(id: $id) { rating _version } }', { id: saved.id })).getPost;
  check('update-synced', server.rating === 9 && server._version === 2, server);

  // 3. A belongsTo child syncs with its foreign key.
  const comment = await DataStore.save(new Comment({ content: 'child', post: saved }));
  await waitFor(processed('Comment', (e) => e.id === comment.id), 'comment processed');
  const children = (await gql('query($id: ID!) { getPost(id: $id) { comments { items { id content } } } }', { id: saved.id })).getPost.comments.items;
  check('belongs-to-synced', children.length === 1 && children[0].content === 'child', children);

  // 4. An out-of-band update (as from the AppSync console) arrives by subscription and shows in observe and query.
  const observed = new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out waiting for observe')), 20000);
    const sub = DataStore.observe(Post, saved.id).subscribe((msg) => {
      if (msg.element.title === 'edited on the server') { clearTimeout(t); sub.unsubscribe(); resolve(msg); }
    });
  });
  await gql('mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title rating status _version _deleted _lastChangedAt createdAt updatedAt } }', { i: { id: saved.id, title: 'edited on the server', _version: 2 } });
  const msg = await observed;
  const local = await DataStore.query(Post, saved.id);
  check('out-of-band-update-observed', msg.opType === 'UPDATE' && local.title === 'edited on the server' && local._version === 3, { opType: msg.opType, title: local.title, version: local._version });

  // 5. A stale local write meets a server conflict (Post runs with --conflict-model Post=optimistic): the server answers
  //    ConflictUnhandled with its item and DataStore's default handler retries with the server's _version.
  await gql('mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title rating status _version _deleted _lastChangedAt createdAt updatedAt } }', { i: { id: saved.id, rating: 1, _version: 3 } });
  await new Promise((r) => setTimeout(r, 300)); // let the subscription event land so the local copy is the stale one we want
  const stale = await DataStore.query(Post, saved.id);
  await DataStore.save(Post.copyOf(stale, (u) => { u.title = 'client wins after conflict'; }));
  await waitFor(processed('Post', (e) => e.id === saved.id && e.title === 'client wins after conflict'), 'conflict processed', 30000);
  server = (await gql('query($id: ID!) { getPost(id: $id) { title _version } }', { id: saved.id })).getPost;
  check('conflict-resolved', server.title === 'client wins after conflict' && server._version >= 5, server);

  // 6. A local delete (of the synced copy, so it carries _version) becomes a server tombstone.
  await DataStore.delete(await DataStore.query(Comment, comment.id));
  await waitFor(processed('Comment', (e) => e.id === comment.id), 'delete processed');
  const tomb = (await gql('query($id: ID!) { getComment(id: $id) { _deleted _version } }', { id: comment.id })).getComment;
  check('delete-synced', tomb._deleted === true && tomb._version === 2, tomb);

  // 7. An out-of-band create, then a wipe and a fresh full sync: the base sync brings back what the server has.
  const created = (await gql('mutation { createPost(input: { title: "made on the server", rating: 3, status: INACTIVE }) { id title rating status _version _deleted _lastChangedAt createdAt updatedAt } }')).createPost;
  await DataStore.clear();
  await DataStore.start();
  await waitFor((p) => p.event === 'ready', 'ready after clear');
  const all = await DataStore.query(Post);
  const onServer = (await gql('{ listPosts(limit: 1000) { items { id _deleted } } }')).listPosts.items.filter((p) => !p._deleted);
  check('full-sync-after-clear', all.some((p) => p.id === created.id) && all.some((p) => p.id === saved.id && p.title === 'client wins after conflict') && all.length === onServer.length, { local: all.length, server: onServer.length });
  const comments = await DataStore.query(Comment);
  check('tombstone-not-restored', !comments.some((c) => c.id === comment.id), comments.length);

  // 8. Stop, change the server while the client is away, start again: the delta sync (lastSync = the previous
  //    startedAt) brings the change.
  await DataStore.stop();
  const offline = (await gql('mutation { createPost(input: { title: "while the client was away", rating: 2, status: ACTIVE }) { id } }')).createPost;
  await DataStore.start();
  await waitFor((p) => p.event === 'ready', 'ready after restart');
  const afterRestart = await DataStore.query(Post, offline.id);
  check('delta-sync-after-restart', afterRestart && afterRestart.title === 'while the client was away', afterRestart && afterRestart.title);
  check('done', created.id, { posts: all.length + 1 });
} catch (error) {
  console.log(JSON.stringify({ step: 'error', ok: false, detail: String(error && error.stack || error) }));
  exitCode = 1;
} finally {
  try { await DataStore.stop(); } catch { }
  process.exit(exitCode);
}
}

main();
