using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>Executes GraphQL documents against the served schema and writes results in AppSync's shape.</summary>
internal sealed class GraphQLApi
{
    private const int MaxCachedDocuments = 1000;

    private readonly DocumentExecuter _executer = new SerialDocumentExecuter();
    private readonly GraphQLSerializer _serializer = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GraphQLParser.AST.GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public GraphQLApi(ISchema schema) => Schema = schema;

    /// <summary>The served schema.</summary>
    public ISchema Schema { get; }

    /// <summary>The JSON serializer GraphQL.NET results need.</summary>
    public GraphQLSerializer Serializer => _serializer;

    public Task<ExecutionResult> ExecuteAsync(string? query, Inputs? variables, string? operationName, CallerIdentity identity, CancellationToken cancellationToken)
        => _executer.ExecuteAsync(options =>
        {
            options.Schema = Schema;
            // Clients send the same few documents over and over (DataStore builds one per model and operation), so
            // parsed documents are kept; GraphQL.NET documents are immutable and safe to share between executions.
            if (Parsed(query) is { } document) options.Document = document;
            else options.Query = query;
            options.Variables = variables;
            options.OperationName = operationName;
            options.UserContext = new RequestContext(identity);
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = false;
        });

    private GraphQLParser.AST.GraphQLDocument? Parsed(string? query)
    {
        if (query is null) return null;
        if (_documents.TryGetValue(query, out var cached)) return cached;
        GraphQLParser.AST.GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null; // let GraphQL.NET parse it again and report the syntax error its way
        }
        if (_documents.Count < MaxCachedDocuments) _documents.TryAdd(query, document);
        return document;
    }

    /// <summary>
    /// The result as AppSync writes it: <c>data</c>, and <c>errors[]</c> with <c>path</c>, <c>data</c>, <c>errorType</c>,
    /// <c>errorInfo</c>, <c>locations</c> and <c>message</c> at the root of each error (not under <c>extensions</c>).
    /// </summary>
    public JsonObject ToJson(ExecutionResult result)
    {
        var json = new JsonObject();
        if (result.Executed || result.Data is not null)
        {
            json["data"] = result.Data is null ? null : JsonNode.Parse(_serializer.Serialize(new ExecutionResult { Data = result.Data, Executed = true }))!["data"]?.DeepClone();
        }
        else
        {
            json["data"] = null;
        }
        if (result.Errors is { Count: > 0 } errors) json["errors"] = new JsonArray(errors.Select(ErrorJson).ToArray<JsonNode?>());
        return json;
    }

    private static JsonObject ErrorJson(ExecutionError error)
    {
        var json = new JsonObject
        {
            ["path"] = error.Path is { } path ? new JsonArray(path.Select(p => p is int i ? (JsonNode)JsonValue.Create(i) : JsonValue.Create(p?.ToString())).ToArray<JsonNode?>()) : null,
        };
        switch (error)
        {
            case AppSyncError appSync:
                json["data"] = appSync.ErrorData is null ? null : JsonSerializer.SerializeToNode(appSync.ErrorData);
                json["errorType"] = appSync.ErrorType;
                json["errorInfo"] = appSync.ErrorInfo is null ? null : JsonSerializer.SerializeToNode(appSync.ErrorInfo);
                break;
            case ValidationError:
                break; // AppSync's validation errors carry no errorType
            default:
                json["data"] = null;
                json["errorType"] = ErrorTypeOf(error);
                json["errorInfo"] = null;
                break;
        }
        json["locations"] = new JsonArray((error.Locations ?? new List<GraphQLParser.Location>())
            .Select(l => (JsonNode)new JsonObject { ["line"] = l.Line, ["column"] = l.Column, ["sourceName"] = null }).ToArray<JsonNode?>());
        json["message"] = MessageOf(error);
        return json;
    }

    private static string ErrorTypeOf(ExecutionError error) => error.InnerException switch
    {
        Filtering.FilterException => "BadRequest",
        not null => "InternalFailure",
        _ => error.Code ?? "InternalFailure",
    };

    // AppSync prefixes validation failures this way; GraphQL.NET's own wording follows.
    private static string MessageOf(ExecutionError error) => error switch
    {
        ValidationError v => $"Validation error of type {v.Code}: {v.Message}",
        AppSyncError => error.Message,
        { InnerException: { } inner } => inner.Message,
        _ => error.Message,
    };

    /// <summary>
    /// Every resolver here completes synchronously, so fields are resolved one after another: the parallel strategy's
    /// task bookkeeping is pure overhead, and a subscription event is executed once per subscriber.
    /// </summary>
    private sealed class SerialDocumentExecuter : DocumentExecuter
    {
        private static readonly GraphQL.Execution.SubscriptionExecutionStrategy s_subscriptions = new(GraphQL.Execution.SerialExecutionStrategy.Instance);

        protected override GraphQL.Execution.IExecutionStrategy SelectExecutionStrategy(GraphQL.Execution.ExecutionContext context)
            => context.Operation.Operation == GraphQLParser.AST.OperationType.Subscription ? s_subscriptions : GraphQL.Execution.SerialExecutionStrategy.Instance;
    }
}
