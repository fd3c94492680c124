using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;

namespace Amplify.DataStore.Storage;

/// <summary>
/// A pluggable storage backend under the storage engine. The LiteDB adapter is the default; an in-memory adapter
/// exists for fast tests. Adapters store generated models through their codecs and never see the public API.
/// </summary>
internal interface IStorageAdapter : IAsyncDisposable
{
    /// <summary>Opens the store for <paramref name="schema"/>: collections plus indexes on keys, <c>@index</c> fields and foreign keys.</summary>
    ValueTask OpenAsync(ModelSchema schema, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction. Concurrent calls may share one transaction (group commit)
    /// while each caller still gets its own result or exception: a work that throws is rolled back alone and the
    /// others commit. Works must be repeatable (they may run again after another work in their batch failed). The task
    /// completes once the changes would survive the process being killed (for LiteDB: in its write journal or committed).
    /// </summary>
    ValueTask<T> WriteAsync<T>(Func<IStorageSession, T> work, CancellationToken cancellationToken);

    /// <summary>Reads one committed item by key.</summary>
    ValueTask<object?> GetAsync(ModelMetadata model, StorageKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Reads committed items matching <paramref name="predicate"/> (single-segment field paths only; the engine
    /// resolves nested paths first), ordered by <paramref name="sort"/> (then by key), skipping and limiting.
    /// </summary>
    ValueTask<IReadOnlyList<object>> QueryAsync(ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit, CancellationToken cancellationToken);
}
