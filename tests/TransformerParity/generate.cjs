// Runs the Amplify GraphQL transformer on every schema of the Amplify team's schema test library and writes the
// transformed SDL to reference/<name>.graphql and the input to corpus/<name>.graphql (issue 14). The output is checked
// in, so the .NET comparison test (tests/LocalBackend.Tests/Parity) never needs npm. Regenerate: npm ci && node generate.cjs
'use strict';

const fs = require('fs');
const path = require('path');
const { App, Stack, NestedStack } = require('aws-cdk-lib');
const { schemas } = require('@aws-amplify/graphql-schema-test-library');
const { constructTransform } = require('@aws-amplify/graphql-transformer');
const { constructDataSourceStrategies, DDB_DEFAULT_DATASOURCE_STRATEGY } = require('@aws-amplify/graphql-transformer-core');

const corpusPackage = require('@aws-amplify/graphql-schema-test-library/package.json');
const transformerPackage = require('@aws-amplify/graphql-transformer/package.json');
const corePackage = require('@aws-amplify/graphql-transformer-core/package.json');

// The local backend resolves conflicts with AUTOMERGE unless told otherwise (LocalBackendOptions.ConflictStrategy,
// docs/local-backend.md), so the reference is the API of a project with conflict detection on and that handler.
const resolverConfig = { project: { ConflictDetection: 'VERSION', ConflictHandler: 'AUTOMERGE' } };

// The CLI's default for a new API: an API key as the only auth mode (the corpus declares no @auth rules).
const authConfig = {
  defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } },
  additionalAuthenticationProviders: [],
};

/** Transforms one schema and returns the SDL the transformer uploads as the API's schema.graphql. */
function transform(sdl) {
  let schemaFile;
  const assetProvider = {
    // The transformer hands every generated file (resolver templates, the schema) to this provider; only the schema is kept.
    provide: (_scope, name, props) => {
      if (props.fileName === 'schema.graphql') schemaFile = props.fileContent;
      return { assetHash: name, httpUrl: `https://example.invalid/${name}`, s3BucketName: 'reference', s3ObjectKey: name, s3ObjectUrl: `s3://reference/${name}` };
    },
  };
  const app = new App();
  const stack = new Stack(app, 'TransformerParity');
  constructTransform({ transformersFactoryArgs: {}, resolverConfig, authConfig, transformParameters: {} }).transform({
    schema: sdl,
    scope: stack,
    assetProvider,
    nestedStackProvider: { provide: (scope, name) => new NestedStack(scope, name) },
    synthParameters: { amplifyEnvironmentName: 'NONE', apiName: 'parity' },
    // Every model in a DynamoDB table, as a Gen 1 CLI project provisions them.
    dataSourceStrategies: constructDataSourceStrategies(sdl, DDB_DEFAULT_DATASOURCE_STRATEGY),
    sqlDirectiveDataSourceStrategies: [],
    rdsLayerMapping: {},
    rdsSnsTopicMapping: {},
  });
  // The schema asset is created lazily, when the API's schema location is resolved at synthesis.
  if (schemaFile === undefined) app.synth();
  if (schemaFile === undefined) throw new Error('the transformer produced no schema.graphql');
  return schemaFile;
}

function header(name, entry, what) {
  return [
    `# ${what}`,
    `# Corpus entry "${name}" (${entry.description}) of ${corpusPackage.name} ${corpusPackage.version}`,
    `# (${corpusPackage.license}, https://github.com/aws-amplify/amplify-category-api/tree/main/${corpusPackage.repository.directory}).`,
    '# Written by tests/TransformerParity/generate.cjs; do not edit.',
    '',
  ].join('\n');
}

// Schema names contain '@'; file names keep them (they are valid on every OS) so each file maps to its corpus entry.
const here = __dirname;
fs.mkdirSync(path.join(here, 'corpus'), { recursive: true });
fs.mkdirSync(path.join(here, 'reference'), { recursive: true });
let rejected = 0;
for (const [name, entry] of Object.entries(schemas)) {
  const input = entry.sdl.replace(/^\n+/, '').split('\n').map(l => l.replace(/^ {6}/, '').trimEnd()).join('\n').trim() + '\n';
  fs.writeFileSync(path.join(here, 'corpus', `${name}.graphql`),
    header(name, entry, 'Input schema from the Amplify GraphQL schema test library.') + '\n' + input);
  const referencePath = path.join(here, 'reference', `${name}.graphql`);
  const rejectedPath = path.join(here, 'reference', `${name}.rejected.txt`);
  for (const stale of [referencePath, rejectedPath]) if (fs.existsSync(stale)) fs.unlinkSync(stale);
  const tool = `${transformerPackage.name} ${transformerPackage.version} (${corePackage.name} ${corePackage.version}), ` +
    'conflict detection VERSION with AUTOMERGE, API key auth';
  try {
    const output = transform(entry.sdl);
    fs.writeFileSync(referencePath, header(name, entry, `SDL produced by ${tool}.`) + '\n' + output.trim() + '\n');
    console.log(`ok        ${name}`);
  } catch (error) {
    // A schema the transformer refuses: the comparison test expects the local backend to refuse it too.
    const message = String(error && error.message ? error.message : error).trim();
    fs.writeFileSync(rejectedPath, header(name, entry, `Rejected by ${tool}; its error follows.`) + '\n' + message + '\n');
    rejected++;
    console.log(`rejected  ${name}: ${message.split('\n')[0]}`);
  }
}
console.log(`${Object.keys(schemas).length} schemas, ${rejected} rejected by the transformer`);
