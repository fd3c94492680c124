using System;
using System.Collections.Generic;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Conflicts;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend;

/// <summary>How to run a <see cref="LocalBackend"/>. The defaults match an Amplify project with conflict detection on.</summary>
public sealed class LocalBackendOptions
{
    /// <summary>Paths of the schema files (merged, as the generator does). Either these or <see cref="SchemaText"/>.</summary>
    public IList<string> SchemaPaths { get; } = new List<string>();

    /// <summary>Schema text to serve instead of files (handy for tests).</summary>
    public string? SchemaText { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Where data, the development certificate and the client configuration files go. Default: <c>.amplify-local</c>
    /// under the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = ".amplify-local";

    /// <summary>Keep data in memory only (nothing survives a restart).</summary>
    public bool InMemory { get; set; }

    /// <summary>Conflict strategy for every model without an override. Default: automerge (Amplify's default).</summary>
    public ConflictStrategy ConflictStrategy { get; set; } = ConflictStrategy.Automerge;

    /// <summary>Per-model conflict strategy overrides, by model name.</summary>
    public IDictionary<string, ConflictStrategy> ModelConflictStrategies { get; } = new Dictionary<string, ConflictStrategy>(StringComparer.Ordinal);

    /// <summary>The handler for <see cref="ConflictStrategy.Custom"/> (AppSync's LAMBDA strategy).</summary>
    public IConflictHandler? ConflictHandler { get; set; }

    /// <summary>The API key clients send in <c>x-api-key</c>. Default: generated once and kept in the data directory.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long the delta table keeps changes (AppSync's DeltaSyncTableTTL). Default 30 minutes.</summary>
    public TimeSpan DeltaSyncTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long deleted items stay as tombstones (AppSync's BaseTableTTL). Default 30 days.</summary>
    public TimeSpan TombstoneTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the realtime endpoint sends <c>ka</c>. Default 60 s (amplify-js warns after 65 s of silence).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The <c>connectionTimeoutMs</c> announced in <c>connection_ack</c>. Default 300 000 ms, as AppSync.</summary>
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> before it is closed. Default 15 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Serve HTTPS/WSS with a generated, persisted self-signed certificate (amplify-js always opens wss://). Default on.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Bearer JWT validation for owner and group rules (OIDC-style; keys configured locally).</summary>
    public JwtAuthOptions Jwt { get; } = new();

    /// <summary>Largest accepted HTTP request body in bytes. Default 1 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Deepest field nesting a document may select, with fragments expanded (AppSync lets an API set 1–75). Default 25:
    /// DataStore's documents nest 3 levels, generated queries rarely more than 6.
    /// </summary>
    public int MaxQueryDepth { get; set; } = 25;

    /// <summary>
    /// Most resolver invocations one request may cause, counted before execution as AppSync's resolver limit counts them:
    /// every root field and relationship field, with fragments expanded, times the page size of the lists around it.
    /// Default 10,000 (AppSync's default).
    /// </summary>
    public int MaxResolvers { get; set; } = 10_000;

    /// <summary>
    /// Largest cost of one request, counted before execution: every selected field once per item it may be resolved
    /// for (fragments expanded; a list counts its <c>limit</c>, 100 when absent). Default 100,000, which admits a
    /// 1,000-item sync page of a 100-field model.
    /// </summary>
    public int MaxQueryCost { get; set; } = 100_000;

    /// <summary>How long one query or mutation may execute before it is stopped with <c>ExecutionTimeout</c>. Default 30 s, as AppSync.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest HTTP response body in bytes; larger results are replaced by an error. Default 5 MiB, as AppSync.</summary>
    public int MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Most bytes of frames queued for one realtime connection; a client that falls this far behind is sent an error
    /// frame and disconnected, as AppSync drops slow clients. Default 8 MiB.
    /// </summary>
    public int MaxSendQueueBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most frames queued for one realtime connection (see <see cref="MaxSendQueueBytes"/>). Default 5,000.</summary>
    public int MaxSendQueueFrames { get; set; } = 5_000;

    /// <summary>Region written into the client configuration (clients insist on one). Default us-east-1.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Write <c>amplifyconfiguration.json</c> and <c>amplify_outputs.json</c> into <see cref="ClientConfigDirectory"/>.</summary>
    public bool WriteClientConfig { get; set; } = true;

    /// <summary>Where the client configuration files go. Default: the current directory.</summary>
    public string ClientConfigDirectory { get; set; } = ".";

    /// <summary>The clock (tests inject one to move past the TTLs).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Rejects request limits that would refuse every request or never stop one.</summary>
    /// <exception cref="LocalBackendException">A limit is out of range; the message names it.</exception>
    internal void ValidateLimits()
    {
        if (MaxQueryDepth is < 1 or > 75) throw new LocalBackendException($"MaxQueryDepth must be from 1 to 75 (AppSync's range), not {MaxQueryDepth}.");
        if (MaxResolvers < 1) throw new LocalBackendException($"MaxResolvers must be at least 1, not {MaxResolvers}.");
        if (MaxQueryCost < 1) throw new LocalBackendException($"MaxQueryCost must be at least 1, not {MaxQueryCost}.");
        if (ExecutionTimeout <= TimeSpan.Zero) throw new LocalBackendException($"ExecutionTimeout must be positive, not {ExecutionTimeout}.");
        if (MaxResponseBytes < 1024) throw new LocalBackendException($"MaxResponseBytes must be at least 1024, not {MaxResponseBytes}.");
        if (MaxSendQueueBytes < 64 * 1024) throw new LocalBackendException($"MaxSendQueueBytes must be at least 65536, not {MaxSendQueueBytes}.");
        if (MaxSendQueueFrames < 10) throw new LocalBackendException($"MaxSendQueueFrames must be at least 10, not {MaxSendQueueFrames}.");
    }

    /// <summary>The strategy for <paramref name="model"/>.</summary>
    public ConflictStrategy StrategyFor(string model)
        => ModelConflictStrategies.TryGetValue(model, out var strategy) ? strategy : ConflictStrategy;
}
