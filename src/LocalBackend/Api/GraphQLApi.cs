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
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    public GraphQLApi(ISchema schema) => Schema = schema;

    /// <summary>The served schema.</summary>
    public ISchema Schema { get; }

    /// <summary>The JSON serializer GraphQL.NET results need.</summary>
    public GraphQLSerializer Serializer => _serializer;

    public Task<ExecutionResult> ExecuteAsync(string? query, Inputs? variables, string? operationName, CallerIdentity identity, CancellationToken cancellationToken)
        => _executer.ExecuteAsync(options =>
        {
            options.Schema = Schema;
            options.Query = query;
            options.Variables = variables;
            options.OperationName = operationName;
            options.UserContext = new RequestContext(identity);
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = false;
        });

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
}
