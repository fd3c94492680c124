using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>Executes GraphQL documents against the served schema and writes results in AppSync's shape.</summary>
internal sealed class GraphQLApi
{
    private const int MaxCachedDocuments = 1000;

    private readonly DocumentExecuter _executer = new SerialDocumentExecuter();
    private readonly GraphQLSerializer _serializer = new();
    private static readonly IValidationRule[] s_noRules = Array.Empty<IValidationRule>();
    private static readonly object s_valid = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    // The documents that passed GraphQL.NET's validation rules, which depend on the document and schema alone (not on
    // variables, the caller or the selected operation), so a document that passed once passes again. Keyed by the
    // document instance and held weakly: an uncached document's mark goes with it.
    private readonly ConditionalWeakTable<GraphQLDocument, object> _validated = new();
    private readonly QueryCostAnalyzer _costs;
    private readonly LocalBackendOptions _limits;
    private readonly int _maxNesting;

    public GraphQLApi(ISchema schema, LocalBackendOptions limits)
    {
        Schema = schema;
        Schema.Initialize();
        _costs = new QueryCostAnalyzer(schema);
        _limits = limits;
        // A field level takes two syntax nodes (field, selection set), so this admits MaxQueryDepth fields plus
        // fragments and argument values around them, and stops a 1,000-level document before any recursion gets deep.
        _maxNesting = 4 * limits.MaxQueryDepth + 32;
    }

    /// <summary>The served schema.</summary>
    public ISchema Schema { get; }

    /// <summary>The JSON serializer GraphQL.NET results need.</summary>
    public GraphQLSerializer Serializer => _serializer;

    /// <summary>Checks the limits, then executes (the HTTP endpoint: queries and mutations).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the client left).</exception>
    public Task<ExecutionResult> ExecuteAsync(string? query, Inputs? variables, string? operationName, CallerIdentity identity, CancellationToken cancellationToken)
    {
        var prepared = Prepare(query, variables, operationName);
        return prepared.Rejection is { } rejection ? Task.FromResult(rejection) : ExecuteAsync(prepared, variables, operationName, identity, cancellationToken);
    }

    /// <summary>
    /// Parses the document and checks depth, resolver count and cost against the limits; nothing executes here, so a
    /// caller can also refuse operations of the wrong type before any resolver runs.
    /// </summary>
    public PreparedRequest Prepare(string? query, Inputs? variables, string? operationName)
    {
        GraphQLDocument? document;
        try
        {
            document = Parsed(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            return new PreparedRequest(query, null, null, Rejected(LimitErrors.NestingExceeded(_maxNesting)));
        }
        var operation = document is null ? null : SelectOperation(document, operationName);
        if (document is null || operation is null) return new PreparedRequest(query, document, null, null);

        QueryCost cost;
        try
        {
            cost = _costs.Analyze(document, operation, variables, _maxNesting);
        }
        catch (QueryCostAnalyzer.NestingTooDeepException)
        {
            return new PreparedRequest(query, document, operation, Rejected(LimitErrors.NestingExceeded(_maxNesting)));
        }
        ExecutionError? error = cost.Depth > _limits.MaxQueryDepth ? LimitErrors.DepthExceeded(cost.Depth, _limits.MaxQueryDepth)
            : cost.Resolvers > _limits.MaxResolvers ? LimitErrors.ResolversExceeded(cost.Resolvers, _limits.MaxResolvers)
            : cost.Cost > _limits.MaxQueryCost ? LimitErrors.CostExceeded(cost.Cost, _limits.MaxQueryCost)
            : null;
        return new PreparedRequest(query, document, operation, error is null ? null : Rejected(error));
    }

    /// <summary>
    /// Executes a request <see cref="Prepare"/> accepted. Queries and mutations stop at <see cref="LocalBackendOptions.ExecutionTimeout"/>
    /// (answered with <c>ExecutionTimeout</c>) or when <paramref name="cancellationToken"/> is cancelled (thrown).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, Inputs? variables, string? operationName, CallerIdentity identity, CancellationToken cancellationToken)
    {
        if (prepared.Rejection is not null) throw new ArgumentException("The request was rejected; answer with its rejection instead.", nameof(prepared));
        // A subscription's execution only creates its source stream; its events must outlive any request timeout.
        if (prepared.Operation?.Operation == OperationType.Subscription) return await RunAsync(prepared, variables, operationName, identity, cancellationToken).ConfigureAwait(false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_limits.ExecutionTimeout);
        try
        {
            return await RunAsync(prepared, variables, operationName, identity, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Rejected(LimitErrors.Timeout(_limits.ExecutionTimeout));
        }
    }

    private async Task<ExecutionResult> RunAsync(PreparedRequest prepared, Inputs? variables, string? operationName, CallerIdentity identity, CancellationToken cancellationToken)
    {
        var document = prepared.Document;
        // A document that passed the validation rules before is not walked by them again (GraphQL.NET's own document
        // cache does the same): the variables are still coerced and checked and the arguments parsed for every request.
        // The request limits (Prepare) are checked for every request as well.
        bool validated = document is not null && _validated.TryGetValue(document, out _);
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = Schema;
            if (document is not null) options.Document = document;
            else options.Query = prepared.Query;
            if (validated) options.ValidationRules = s_noRules;
            options.Variables = variables;
            options.OperationName = operationName;
            options.UserContext = new RequestContext(identity);
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = false;
        }).ConfigureAwait(false);
        // Executed: validation (rules, variables and arguments) passed.
        if (!validated && document is not null && result.Executed) _validated.TryAdd(document, s_valid);
        return result;
    }

    private static ExecutionResult Rejected(ExecutionError error) => new() { Errors = new ExecutionErrors { error }, Executed = false };

    // GraphQL.NET's rule: the named operation, or the only one. Anything else is left to GraphQL.NET to report.
    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (string.IsNullOrEmpty(operationName))
            {
                if (selected is not null) return null;
                selected = operation;
            }
            else if (operation.Name is { } name && name.StringValue == operationName)
            {
                return operation;
            }
        }
        return selected;
    }

    /// <exception cref="GraphQLParser.Exceptions.GraphQLMaxDepthExceededException">The document nests deeper than the parser follows.</exception>
    private GraphQLDocument? Parsed(string? query)
    {
        if (query is null) return null;
        // Clients send the same few documents over and over (DataStore builds one per model and operation), so
        // parsed documents are kept; GraphQL.NET documents are immutable and safe to share between executions.
        if (_documents.TryGetValue(query, out var cached)) return cached;
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments, MaxDepth = _maxNesting });
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
    /// task bookkeeping is pure overhead, and a subscription event is executed once per subscriber. Queries and
    /// mutations get a strategy of their own, which collects each selection set's fields once (list pages).
    /// </summary>
    private sealed class SerialDocumentExecuter : DocumentExecuter
    {
        private static readonly GraphQL.Execution.SubscriptionExecutionStrategy s_subscriptions = new(GraphQL.Execution.SerialExecutionStrategy.Instance);

        protected override GraphQL.Execution.IExecutionStrategy SelectExecutionStrategy(GraphQL.Execution.ExecutionContext context)
            => context.Operation.Operation == GraphQLParser.AST.OperationType.Subscription ? s_subscriptions : new ListAwareSerialStrategy();
    }
}
