// The model introspection schema for tests/Sync.Tests/Schema/sync.graphql's Post and Comment, derived from models.cjs
// (schema.graphql's): there Post's rating and status are optional and it has a tags list. peer.cjs and the sync
// benchmark use it so the amplify-js peer and the C# sync tests' generated models share one schema.
const { schema: compat } = require('./models.cjs');

const schema = structuredClone(compat);
const { id, title, rating, status, ...rest } = schema.models.Post.fields;
schema.models.Post.fields = {
  id,
  title,
  rating: { ...rating, isRequired: false },
  status: { ...status, isRequired: false },
  tags: { name: 'tags', isArray: true, type: 'String', isRequired: false, attributes: [], isArrayNullable: true },
  ...rest,
};
schema.version = 'amplify-datastore-dotnet-sync-tests-1';

module.exports = { schema };
