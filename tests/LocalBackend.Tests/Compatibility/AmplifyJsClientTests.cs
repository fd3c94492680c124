using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Tests.Support;
using Amplify.DataStore.TestCases;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Compatibility;

/// <summary>
/// The real Amplify JavaScript DataStore (aws-amplify 6.22.1, @aws-amplify/datastore 5.1.13, pinned in
/// tests/AmplifyJsCompat/package-lock.json) syncing against the backend over HTTPS and WSS: create, update, belongsTo,
/// an out-of-band update arriving by subscription, a ConflictUnhandled retried by DataStore's default handler, a delete
/// becoming a tombstone, a full sync after a wipe and a delta sync after a restart (tests/AmplifyJsCompat/sync.cjs).
/// </summary>
[NonParallelizable]
public sealed class AmplifyJsClientTests
{
    private static readonly string[] Steps =
    {
        "ready", "create-synced", "update-synced", "belongs-to-synced", "out-of-band-update-observed", "conflict-resolved",
        "delete-synced", "full-sync-after-clear", "tombstone-not-restored", "delta-sync-after-restart", "done",
    };

    private static string CompatDirectory => NodeTooling.CompatDirectory;

    [Test]
    public async Task The_stock_amplify_js_DataStore_syncs_against_the_backend()
    {
        await NodeTooling.RequireAsync();

        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        await using var backend = await Backend.StartAsync(File.ReadAllText(Path.Combine(CompatDirectory, "schema.graphql")), o =>
        {
            o.UseTls = true; // amplify-js always opens wss://
            o.ModelConflictStrategies["Post"] = ConflictStrategy.OptimisticConcurrency; // so DataStore's own conflict handler runs
        }, directory);

        var (exit, log) = await NodeTooling.RunAsync("node", new[] { "sync.cjs", backend.Server.AmplifyOutputsPath! }, CompatDirectory, TimeSpan.FromMinutes(3),
            ("NODE_EXTRA_CA_CERTS", backend.Server.CertificatePemPath!));
        var results = log.Split('\n')
            .Where(line => line.StartsWith("{\"step\"", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(r => (string)r["step"]!, r => (bool)r["ok"]!);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, log);
            foreach (var step in Steps) Assert.That(results.GetValueOrDefault(step), Is.True, $"step {step}\n{log}");
        });
    }
}
