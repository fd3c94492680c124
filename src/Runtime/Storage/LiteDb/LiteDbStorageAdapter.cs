using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The default <see cref="IStorageAdapter"/>: one LiteDB file, opened once in direct mode, with all writes on a
/// dedicated writer thread (group commit) and reads served concurrently from committed snapshots.
/// </summary>
/// <remarks>
/// <para>
/// Layout: one collection per model (named after it) holding the model as written by its generated code, with
/// <c>_id</c> = the primary-key value (or an order-preserving composite string) and, for top-level AWSDate/AWSTime/
/// AWSDateTime fields, sortable companions under <c>__k</c>, and for a synced item its sync metadata under <c>__s</c>;
/// plus <c>__outbox</c> (entries by ID), <c>__settings</c>, <c>__sync</c> (deleted records' sync metadata) and
/// <c>__failed</c> (dead-lettered mutations).
/// </para>
/// <para>
/// Queries compile as much of the predicate as LiteDB can evaluate with exactly the
/// <see cref="Predicates.Evaluation.PredicateEvaluator"/> semantics into a parameterized expression (so indexes apply) and evaluate
/// the rest in memory; sorting happens in LiteDB when it can reproduce <see cref="Predicates.Evaluation.ItemComparer"/> exactly.
/// Reads must not be issued from inside a write work (use the session there): they would see uncommitted data.
/// </para>
/// </remarks>
internal sealed class LiteDbStorageAdapter : IStorageAdapter
{
    private readonly LiteDbOptions _options;
    private readonly string _filePath;
    private readonly ILogger _logger;
    private readonly object _lifecycle = new();
    private readonly Func<bool> _holdsEveryWrite;
    private LiteDatabase? _database;
    private StoreFileLock? _fileLock;
    private LiteDbWriter? _writer;
    private WriteJournal? _journal;
    private ModelImages? _images;
    private bool _disposed;
    private LiteDbQueryPlan? _lastQueryPlan;

    /// <summary>Creates an adapter for <see cref="LiteDbOptions.FilePath"/>; nothing is opened until <see cref="OpenAsync"/>.</summary>
    public LiteDbStorageAdapter(LiteDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.FilePath, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MemoryImageLimit, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CheckpointLogPages, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxLogPages, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.JournalCommitSize, nameof(options));
        ThrowIfInvalidDelay(options.IdleCheckpointDelay);
        ThrowIfInvalidDelay(options.JournalCommitDelay);
        _options = options;
        _filePath = RealPath.Resolve(options.FilePath);
        _logger = options.Logger ?? NullLogger.Instance;
        _holdsEveryWrite = () => !Writer!.HasUncommitted;
    }

    /// <summary>The write journal next to the database (it exists while the store is open with the journal on).</summary>
    internal string JournalPath => WriteJournal.PathFor(_filePath);

    /// <summary>The plan of the most recent <see cref="QueryAsync"/> (for tests and diagnostics).</summary>
    internal LiteDbQueryPlan? LastQueryPlan => Volatile.Read(ref _lastQueryPlan);

    /// <summary>The writer, once open (for tests and diagnostics).</summary>
    internal LiteDbWriter? Writer => Volatile.Read(ref _writer);

    /// <summary>True when <paramref name="model"/>'s committed items are held in memory (for tests and diagnostics).</summary>
    internal bool IsImageLoaded(ModelMetadata model) => _images?.Loaded(model) is not null;

    /// <summary>For tests: whether the image knows, without LiteDB, that no item has <paramref name="key"/>.</summary>
    internal bool IsKnownAbsent(ModelMetadata model, StorageKey key) => _images?.For(model)?.IsKnownAbsent(key) == true;

    /// <summary>Drops every memory image, as a failed commit does (for tests: forces reloads that race with writes).</summary>
    internal void InvalidateImages() => _images?.InvalidateAll();

    /// <summary>The database, once open (for tests and diagnostics).</summary>
    internal LiteDatabase? Database => Volatile.Read(ref _database);

    /// <inheritdoc/>
    public ValueTask OpenAsync(ModelSchema schema, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        try
        {
            ArgumentNullException.ThrowIfNull(schema);
            lock (_lifecycle)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_database is not null) throw new InvalidOperationException("The storage adapter is already open.");
                SchemaValidation.Validate(schema);
                var fileLock = StoreFileLock.Acquire(_filePath, _options.FilePath);
                LiteDatabase? database = null;
                WriteJournal? journal = null;
                long epoch = 0;
                try
                {
                    // Under the lock, so no live writer's files can be mistaken for leftovers.
                    LeftoverFiles.DiscardStray(_filePath, _options.Password is not null, _logger);
                    database = new LiteDatabase(CreateConnectionString());
                    if (database.Collation.SortOptions != CompareOptions.Ordinal)
                    {
                        throw new InvalidOperationException(
                            $"The database '{_filePath}' uses collation {database.Collation}; the store needs binary (ordinal) collation. Delete the file to recreate it.");
                    }
                    EnsureIndexes(database, schema);
                    OutboxDocuments.EnsureIndexes(database);
                    // Stored in the file's header, so only written when it changes.
                    if (database.Pragma("CHECKPOINT").AsInt32 != _options.MaxLogPages)
                    {
                        database.Pragma("CHECKPOINT", _options.MaxLogPages);
                    }
                    // Writes acknowledged from the journal by an earlier run that did not close the store are applied first,
                    // even when this run does not journal.
                    bool journaling = _options.UseWriteJournal && _options.Password is null;
                    if (journaling || File.Exists(JournalPath))
                    {
                        journal = WriteJournal.Open(JournalPath, _options.JournalStreamWrapper);
                        epoch = JournalReplay.Run(database, _filePath, journal, _logger);
                        if (!journaling)
                        {
                            journal.Dispose();
                            journal = null;
                            File.Delete(JournalPath);
                        }
                    }
                    if (_options.MemoryImageLimit > 0)
                    {
                        _images = new ModelImages(schema, _options.MemoryImageLimit);
                        _images.InstallEmpty(database);
                    }
                }
                catch
                {
                    journal?.Dispose();
                    database?.Dispose();
                    fileLock.Dispose();
                    throw;
                }
                _fileLock = fileLock;
                Volatile.Write(ref _database, database);
                _journal = journal;
                var idleCheckpoint = new IdleCheckpoint(_options.IdleCheckpointDelay, _options.CheckpointLogPages);
                var policy = new JournalPolicy(_options.JournalCommitSize, _options.JournalCommitDelay);
                Volatile.Write(ref _writer, new LiteDbWriter(database, _images, _options.MaxBatchSize, idleCheckpoint, journal, epoch, policy, _logger));
            }
            return default;
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <inheritdoc/>
    public ValueTask<T> WriteAsync<T>(Func<IStorageSession, T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<T>(cancellationToken);
        try
        {
            ArgumentNullException.ThrowIfNull(work);
            var writer = OpenWriter();
            if (writer.IsCurrentThread)
            {
                throw new InvalidOperationException("A write work cannot start another write; use its session instead.");
            }
            var request = new WriteRequest<T>(work);
            request.RegisterCancellation(cancellationToken);
            if (!writer.TryEnqueue(request)) request.Fail(new ObjectDisposedException(nameof(LiteDbStorageAdapter)));
            return new ValueTask<T>(request.Task);
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<T>(ex);
        }
    }

    /// <inheritdoc/>
    public ValueTask<object?> GetAsync(ModelMetadata model, StorageKey key, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<object?>(cancellationToken);
        try
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(key);
            var database = OpenForRead();
            // A read by key does not load the image (that would scan the model); it uses it when loaded.
            if (_images?.Loaded(model) is { } image) return new ValueTask<object?>(image.TryGetValue(key, out var item) ? item : null);
            if (Writer!.HasUncommitted) return GetAfterCommitAsync(database, model, key, cancellationToken);
            return new ValueTask<object?>(LiteDbReads.Get(database, ModelStorage.For(model), key));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<object?>(ex);
        }
    }

    /// <summary>Reads LiteDB once the writes acknowledged from the journal are committed (read-your-writes).</summary>
    private async ValueTask<object?> GetAfterCommitAsync(LiteDatabase database, ModelMetadata model, StorageKey key, CancellationToken cancellationToken)
    {
        await Writer!.CommitJournaledAsync(cancellationToken).ConfigureAwait(false);
        return LiteDbReads.Get(database, ModelStorage.For(model), key);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<object>> QueryAsync(ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<IReadOnlyList<object>>(cancellationToken);
        try
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(predicate);
            ArgumentOutOfRangeException.ThrowIfNegative(skip);
            if (limit is { } l) ArgumentOutOfRangeException.ThrowIfNegative(l, nameof(limit));
            var database = OpenForRead();
            if (_images?.Loaded(model) is { } loaded)
            {
                return new ValueTask<IReadOnlyList<object>>(ImageQuery.Run(model, loaded, predicate, sort, skip, limit));
            }
            if (Writer!.HasUncommitted) return QueryAfterCommitAsync(database, model, predicate, sort, skip, limit, cancellationToken);
            return new ValueTask<IReadOnlyList<object>>(QueryCommitted(database, model, predicate, sort, skip, limit));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<IReadOnlyList<object>>(ex);
        }
    }

    /// <summary>Queries once the writes acknowledged from the journal are committed (read-your-writes).</summary>
    private async ValueTask<IReadOnlyList<object>> QueryAfterCommitAsync(LiteDatabase database, ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit, CancellationToken cancellationToken)
    {
        await Writer!.CommitJournaledAsync(cancellationToken).ConfigureAwait(false);
        return QueryCommitted(database, model, predicate, sort, skip, limit);
    }

    /// <summary>Queries the image (loading it when worth it) or LiteDB; LiteDB must hold every write the caller saw acknowledged.</summary>
    private IReadOnlyList<object> QueryCommitted(LiteDatabase database, ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit)
    {
        var storage = ModelStorage.For(model);
        // Installing what was read as the image needs LiteDB to hold every acknowledged write, not just the caller's.
        if (_images?.GetOrLoad(database, storage, _holdsEveryWrite) is { } image)
        {
            return ImageQuery.Run(model, image, predicate, sort, skip, limit);
        }
        var plan = LiteDbQueryPlanner.Plan(storage, predicate, sort);
        Volatile.Write(ref _lastQueryPlan, plan);
        if ((plan.Residual is not null || plan.SortInMemory) && _logger.IsEnabled(LogLevel.Debug))
        {
            LiteDbLog.QueryPlanned(_logger, model.Name, plan.Filter.Where, plan.Residual?.ToString(), plan.SortInMemory);
        }
        return LiteDbReads.Run(database, storage, plan, sort, skip, limit);
    }

    /// <summary>
    /// Applies the write-ahead log to the data file, between write batches. Worth calling when the app goes idle or to
    /// the background: LiteDB skips its automatic checkpoint while transactions are open, so the log can otherwise grow.
    /// </summary>
    public ValueTask CheckpointAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        try
        {
            var writer = OpenWriter();
            var database = Database!;
            var request = new ExclusiveRequest(database.Checkpoint);
            request.RegisterCancellation(cancellationToken);
            if (!writer.TryEnqueue(request)) request.Fail(new ObjectDisposedException(nameof(LiteDbStorageAdapter)));
            return new ValueTask(request.Task);
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <summary>Finishes queued writes, stops the writer thread, checkpoints and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        LiteDatabase? database;
        LiteDbWriter? writer;
        lock (_lifecycle)
        {
            if (_disposed) return;
            _disposed = true;
            database = _database;
            writer = _writer;
        }
        if (writer is not null) await writer.StopAsync().ConfigureAwait(false);
        if (database is null) return;
        // The journal goes only when LiteDB holds everything in it; otherwise the next open applies it.
        if (_journal is { } journal)
        {
            journal.Dispose();
            if (!writer!.HasUncommitted) TryDeleteJournal();
        }
        try
        {
            database.Checkpoint();
        }
        catch (Exception ex)
        {
            LiteDbLog.CheckpointFailed(_logger, ex);
        }
        try
        {
            database.Dispose();
        }
        finally
        {
            _fileLock?.Dispose();
        }
    }

    /// <summary>LiteDB's own plan (chosen index, filters, order) for a query, for tests and diagnostics.</summary>
    internal BsonDocument Explain(ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort)
    {
        var storage = ModelStorage.For(model);
        return LiteDbReads.Explain(OpenForRead(), storage, LiteDbQueryPlanner.Plan(storage, predicate, sort));
    }

    private void TryDeleteJournal()
    {
        try
        {
            File.Delete(JournalPath);
        }
        catch (IOException)
        {
            // Harmless: an emptied journal is recognized as applied when the file is next opened.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void ThrowIfInvalidDelay(TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan) return;
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(delay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay.TotalMilliseconds, int.MaxValue, nameof(delay));
    }

    private ConnectionString CreateConnectionString()
    {
        var connection = new ConnectionString { Filename = _filePath };
        if (_options.Password is { } password) connection.Password = password;
        _options.ConfigureConnection?.Invoke(connection);
        // One process-wide instance per file; shared mode reopens the file per call and needs named mutexes.
        connection.Connection = ConnectionType.Direct;
        // Only used when the file is created; queries rely on ordinal string order and case-sensitive keys.
        connection.Collation = Collation.Binary;
        return connection;
    }

    private static void EnsureIndexes(LiteDatabase database, ModelSchema schema)
    {
        foreach (var (model, indexes) in IndexPlan.For(schema))
        {
            var collection = database.GetCollection(model);
            foreach (var (name, expression) in indexes) collection.EnsureIndex(name, BsonExpression.Create(expression), unique: false);
        }
    }

    private LiteDbWriter OpenWriter()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        return Writer ?? throw new InvalidOperationException("Call OpenAsync before using the storage adapter.");
    }

    private LiteDatabase OpenForRead()
    {
        var writer = OpenWriter();
        // On the writer thread LiteDB would join the open write transaction and return uncommitted data.
        if (writer.IsCurrentThread) throw new InvalidOperationException("Read through the storage session inside a write work.");
        return Database!;
    }
}
