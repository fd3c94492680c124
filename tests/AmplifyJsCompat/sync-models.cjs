// The model introspection schema `amplify codegen models` writes (models/schema.js) for tests/Sync.Tests/Schema/sync.graphql,
// by hand (as models.cjs is for schema.graphql): Post's rating and status are optional and it has a tags list. peer.cjs
// uses it so the amplify-js peer and the C# sync tests' generated models share one schema.
exports.schema = {
  models: {
    Post: {
      name: 'Post',
      fields: {
        id: { name: 'id', isArray: false, type: 'ID', isRequired: true, attributes: [] },
        title: { name: 'title', isArray: false, type: 'String', isRequired: true, attributes: [] },
        rating: { name: 'rating', isArray: false, type: 'Int', isRequired: false, attributes: [] },
        status: { name: 'status', isArray: false, type: { enum: 'PostStatus' }, isRequired: false, attributes: [] },
        tags: { name: 'tags', isArray: true, type: 'String', isRequired: false, attributes: [], isArrayNullable: true },
        comments: {
          name: 'comments', isArray: true, type: { model: 'Comment' }, isRequired: false, attributes: [], isArrayNullable: true,
          association: { connectionType: 'HAS_MANY', associatedWith: ['postCommentsId'] },
        },
        createdAt: { name: 'createdAt', isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true },
        updatedAt: { name: 'updatedAt', isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true },
      },
      syncable: true,
      pluralName: 'Posts',
      attributes: [{ type: 'model', properties: {} }],
    },
    Comment: {
      name: 'Comment',
      fields: {
        id: { name: 'id', isArray: false, type: 'ID', isRequired: true, attributes: [] },
        content: { name: 'content', isArray: false, type: 'String', isRequired: false, attributes: [] },
        post: {
          name: 'post', isArray: false, type: { model: 'Post' }, isRequired: false, attributes: [],
          association: { connectionType: 'BELONGS_TO', targetNames: ['postCommentsId'] },
        },
        createdAt: { name: 'createdAt', isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true },
        updatedAt: { name: 'updatedAt', isArray: false, type: 'AWSDateTime', isRequired: false, attributes: [], isReadOnly: true },
        postCommentsId: { name: 'postCommentsId', isArray: false, type: 'ID', isRequired: false, attributes: [] },
      },
      syncable: true,
      pluralName: 'Comments',
      attributes: [{ type: 'model', properties: {} }],
    },
  },
  enums: { PostStatus: { name: 'PostStatus', values: ['ACTIVE', 'INACTIVE'] } },
  nonModels: {},
  codegenVersion: '3.4.4',
  version: 'amplify-datastore-dotnet-sync-tests-1',
};
