using GraphQL;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// A request after parsing and the limit checks, before anything executes: either a <see cref="Rejection"/> to answer
/// with, or the document (null when GraphQL.NET should parse it and report the syntax error its way) and the operation
/// it selects (null when GraphQL.NET should report that the operation is missing or ambiguous).
/// </summary>
internal sealed record PreparedRequest(string? Query, GraphQLDocument? Document, GraphQLOperationDefinition? Operation, ExecutionResult? Rejection);
