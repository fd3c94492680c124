using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Api;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Hosting;
using Amplify.DataStore.LocalBackend.Http;
using Amplify.DataStore.LocalBackend.Realtime;
using Amplify.DataStore.Schema;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amplify.DataStore.LocalBackend;

/// <summary>
/// A local AppSync-compatible backend: the user's schema served as AppSync's sync-enabled API over HTTPS on
/// 127.0.0.1, with a versioned data store, delta sync, conflict handling and the realtime WebSocket. Start it with
/// <see cref="StartAsync"/>; dispose it to stop (in-flight requests complete first).
/// </summary>
public sealed class LocalBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly VersionedStore _store;
    private readonly MutationEventBus _events;
    private readonly CancellationTokenSource _stopping;
    private readonly Timer _purgeTimer;
    private int _disposed;

    private LocalBackend(WebApplication app, VersionedStore store, MutationEventBus events, CancellationTokenSource stopping, GraphQLApi api, Uri endpoint, string apiKey, DevelopmentCertificateFiles? certificate)
    {
        _app = app;
        _store = store;
        _events = events;
        _stopping = stopping;
        Api = api;
        GraphQLEndpoint = endpoint;
        RealtimeEndpoint = new Uri((endpoint.Scheme == "https" ? "wss" : "ws") + "://" + endpoint.Authority + "/graphql/realtime");
        ApiKey = apiKey;
        Certificate = certificate?.Certificate;
        CertificatePemPath = certificate?.PemPath;
        _purgeTimer = new Timer(_ => Purge(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>The GraphQL endpoint, e.g. <c>https://127.0.0.1:20002/graphql</c>.</summary>
    public Uri GraphQLEndpoint { get; }

    /// <summary>The realtime endpoint, e.g. <c>wss://127.0.0.1:20002/graphql/realtime</c>.</summary>
    public Uri RealtimeEndpoint { get; }

    /// <summary>The API key clients send in <c>x-api-key</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The TLS certificate (null when TLS is off).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The PEM file of the certificate clients should trust (null when TLS is off).</summary>
    public string? CertificatePemPath { get; }

    /// <summary>The written <c>amplifyconfiguration.json</c> (null when not written).</summary>
    public string? AmplifyConfigurationPath { get; private set; }

    /// <summary>The written <c>amplify_outputs.json</c> (null when not written).</summary>
    public string? AmplifyOutputsPath { get; private set; }

    /// <summary>The SDL of the served API.</summary>
    public string Sdl => Api.Schema.Print();

    internal GraphQLApi Api { get; }

    internal RealtimeEndpoint? Realtime { get; private set; }

    /// <summary>Loads the schema, opens the data store and starts serving.</summary>
    /// <exception cref="LocalBackendException">The schema has errors or field-level @auth rules it cannot enforce, no schema was given, or a request limit is out of range.</exception>
    public static async Task<LocalBackend> StartAsync(LocalBackendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateLimits();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Amplify.DataStore.LocalBackend");
        var schema = LoadSchema(options);

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var persistence = options.InMemory ? null : new LiteDbItemPersistence(Path.Combine(dataDirectory, "localbackend.db"));
        var store = new VersionedStore(persistence, options.Clock, options.DeltaSyncTtl, options.TombstoneTtl);
        var events = new MutationEventBus(loggerFactory.CreateLogger<MutationEventBus>());
        var operations = schema.Models.ToDictionary(m => m.Name, m => new ModelOperations(m, store, options, events), StringComparer.Ordinal);
        var api = new GraphQLApi(ApiSchemaFactory.Create(schema, operations), options);
        var apiKey = options.ApiKey ?? ApiKeyStore.LoadOrCreate(dataDirectory);
        var authenticator = new RequestAuthenticator(apiKey, options.Jwt, options.Clock, loggerFactory.CreateLogger<RequestAuthenticator>());
        var certificate = options.UseTls ? DevelopmentCertificate.LoadOrCreate(dataDirectory, options.Clock, logger) : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null; // the endpoint enforces MaxRequestBytes with AppSync's error shape
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate.Certificate);
            });
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        var stopping = new CancellationTokenSource();
        var graphql = new GraphQLEndpoint(api, authenticator, options.MaxRequestBytes, options.MaxResponseBytes, loggerFactory.CreateLogger<GraphQLEndpoint>());
        var realtime = new RealtimeEndpoint(api, authenticator, options, loggerFactory.CreateLogger<RealtimeEndpoint>(), stopping.Token);
        app.MapPost("/graphql", graphql.HandleAsync);
        app.Map("/graphql/realtime", realtime.HandleAsync);
        app.MapGet("/", () => Results.Text("Amplify DataStore local backend: POST /graphql, WebSocket /graphql/realtime"));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await events.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var endpoint = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/graphql");
        var backend = new LocalBackend(app, store, events, stopping, api, endpoint, apiKey, certificate) { Realtime = realtime };
        if (options.WriteClientConfig)
        {
            var (configPath, outputsPath) = ClientConfigWriter.Write(Path.GetFullPath(options.ClientConfigDirectory), endpoint, apiKey, options.Region, certificate?.PemPath);
            backend.AmplifyConfigurationPath = configPath;
            backend.AmplifyOutputsPath = outputsPath;
        }
        logger.LogInformation("Serving {Endpoint} ({Models} models).", endpoint, schema.Models.Count);
        return backend;
    }

    /// <summary>Removes expired tombstones and delta rows now (also done every minute).</summary>
    public int Purge() => _store.Purge();

    /// <summary>
    /// Stops serving: no new connections; in-flight requests complete (up to 10 s); every realtime socket gets its
    /// queued frames and a close frame (1001) and a moment to answer; queued writes are stored and the data file is
    /// checkpointed and closed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _purgeTimer.DisposeAsync().ConfigureAwait(false);
        // The server stops listening first; its stop then waits for the realtime sockets, which close once told to.
        var serverStopped = _app.StopAsync();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await serverStopped.ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
        _stopping.Dispose();
        Certificate?.Dispose();
    }

    private static SchemaModel LoadSchema(LocalBackendOptions options)
    {
        var files = new List<SchemaFile>();
        if (options.SchemaText is { } text) files.Add(new SchemaFile("schema.graphql", text));
        foreach (var path in options.SchemaPaths)
        {
            if (!File.Exists(path)) throw new LocalBackendException($"Schema file not found: {Path.GetFullPath(path)}");
            files.Add(new SchemaFile(path, File.ReadAllText(path)));
        }
        if (files.Count == 0) throw new LocalBackendException("No schema: pass --schema <file.graphql> (or set SchemaPaths / SchemaText).");
        var result = SchemaParser.Parse(files);
        var errors = result.Diagnostics.Where(d => d.Severity == SchemaDiagnosticSeverity.Error).ToList();
        if (result.Schema is null || errors.Count > 0)
        {
            throw new LocalBackendException("The schema has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        }
        if (result.Schema.Models.Count == 0) throw new LocalBackendException("The schema declares no @model types; there is nothing to serve.");
        var unenforceable = FieldRuleCheck.Problems(result.Schema, files);
        if (unenforceable.Count > 0)
        {
            throw new LocalBackendException("The schema has field-level @auth rules the local backend cannot enforce, so it will not serve them:"
                + Environment.NewLine + string.Join(Environment.NewLine, unenforceable.Select(p => "  " + p)));
        }
        return result.Schema;
    }
}
