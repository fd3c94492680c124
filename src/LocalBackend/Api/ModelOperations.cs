using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Filtering;
using Amplify.DataStore.LocalBackend.Realtime;
using Amplify.DataStore.Schema;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The resolvers of one model: get/list/sync, create/update/delete with AppSync's versioned semantics and conflict
/// handling, and the source streams of its subscriptions. This file holds the state and helpers they share; each
/// concept has its own file (<c>ModelOperations.Queries.cs</c>, <c>.KeyQueries.cs</c>, <c>.Mutations.cs</c>,
/// <c>.Subscriptions.cs</c>).
/// </summary>
internal sealed partial class ModelOperations
{
    private readonly VersionedStore _store;
    private readonly LocalBackendOptions _options;
    private readonly MutationEventBus _events;
    private readonly ConflictDispatcher _conflicts;

    public ModelOperations(ModelDefinition model, VersionedStore store, LocalBackendOptions options, MutationEventBus events)
    {
        Model = model;
        Auth = new ModelAuthorization(model);
        _store = store;
        _options = options;
        _events = events;
        _conflicts = new ConflictDispatcher(model, options);
    }

    public ModelDefinition Model { get; }

    public ModelAuthorization Auth { get; }

    /// <summary>The base-table key of an item or of key arguments.</summary>
    public string KeyOf(IReadOnlyDictionary<string, object?> values)
    {
        var fields = Model.PrimaryKey.Fields;
        if (fields.Count == 1) return KeyPart(values, fields[0]);
        return JsonSerializer.Serialize(fields.Select(f => KeyPart(values, f)).ToArray());
    }

    private static string KeyPart(IReadOnlyDictionary<string, object?> values, string field)
        => values.TryGetValue(field, out var v) && v is not null
            ? Convert.ToString(v, CultureInfo.InvariantCulture)!
            : throw new AppSyncError("BadRequest", $"The key field '{field}' is required.");

    private static void ValidateFilter(IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null) return;
        try
        {
            FilterEvaluator.Matches(new Dictionary<string, object?>(), filter); // malformed filters throw whatever the data
        }
        catch (FilterException ex)
        {
            throw new AppSyncError("BadRequest", ex.Message);
        }
    }

    private static CallerIdentity CallerOf(IResolveFieldContext context)
        => (context.UserContext as RequestContext)?.Identity ?? throw new InvalidOperationException("Every request carries a RequestContext.");
}
