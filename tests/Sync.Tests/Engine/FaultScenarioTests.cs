using System.Collections.Concurrent;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// Three clients do random operations for a bounded time, each through its own fault-injecting proxy (connections dropped
/// mid-request and mid-subscription, blackholes, refused connections, chaos), with a fixed seed. At the end every replica
/// equals the server, every acknowledged create reached the server exactly once, and nothing was dead-lettered.
/// A longer run: SYNC_FAULT_SECONDS=120 SYNC_FAULT_SEEDS=1,2,3,4,5 dotnet test tests/Sync.Tests --filter FaultScenario.
/// </summary>
[CancelAfter(240_000)]
public class FaultScenarioTests
{
    private static IEnumerable<int> Seeds()
        => (Environment.GetEnvironmentVariable("SYNC_FAULT_SEEDS") ?? "11,22,33").Split(',').Select(int.Parse);

    private static TimeSpan Duration()
        => TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("SYNC_FAULT_SECONDS"), out var s) ? s : 6);

    [TestCaseSource(nameof(Seeds))]
    public async Task Random_operations_on_three_clients_through_a_faulty_network_converge(int seed)
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var config = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        var target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, config.GraphQLEndpoint.Port);
        var proxies = new FaultProxy[3];
        var clients = new SyncClient[3];
        for (int i = 0; i < 3; i++)
        {
            proxies[i] = await FaultProxy.StartAsync(target);
            clients[i] = await SyncClient.StartAsync(backend, config: ProxiedConfig.Through(config, proxies[i]),
                sync: s => s.WithRequestTimeout(TimeSpan.FromSeconds(2)));
        }
        var created = new ConcurrentDictionary<string, bool>();
        var deleted = new ConcurrentDictionary<string, bool>();
        var random = new Random(seed);
        var faults = 0;
        try
        {
            var until = DateTime.UtcNow + Duration();
            for (int n = 0; DateTime.UtcNow < until; n++)
            {
                var c = random.Next(3);
                var store = clients[c].Store;
                var roll = random.NextDouble();
                if (roll < 0.35)
                {
                    var post = await store.SaveAsync(new Post { Title = $"s{seed}-c{c}-{n}", Rating = n });
                    created[post.Id] = true; // acknowledged: it must reach the server
                }
                else if (roll < 0.65 || roll < 0.75)
                {
                    var mine = await store.QueryAsync<Post>();
                    if (mine.Count == 0) continue;
                    var pick = mine[random.Next(mine.Count)];
                    if (roll < 0.65) await store.SaveAsync(pick with { Rating = n, Title = pick.Title + "'" });
                    else if (await store.DeleteAsync(pick)) deleted[pick.Id] = true;
                }
                else
                {
                    faults++;
                    var proxy = proxies[c];
                    switch (random.Next(5))
                    {
                        case 0: proxy.DropAll(); break;
                        case 1: proxy.Blackhole(TimeSpan.FromMilliseconds(random.Next(100, 600))); break;
                        case 2: proxy.ChaosMode(seed * 1000 + n, dropProbabilityPerChunk: 0.05); break;
                        case 3: proxy.RefuseNewConnections(true); break;
                        default: proxy.Heal(); break;
                    }
                }
                await Task.Delay(random.Next(2, 20));
            }
        }
        finally
        {
            foreach (var proxy in proxies) proxy.Heal();
        }

        try
        {
            foreach (var client in clients) await client.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(90));
            var body = await backend.GraphQLAsync("{ listPosts(limit: 100000) { items { id title rating _deleted } } }");
            var items = body["data"]!["listPosts"]!["items"]!.AsArray();
            var ids = items.Select(p => (string)p!["id"]!).ToList();
            Assert.That(ids, Is.Unique, "no record was created twice");
            // A create deleted before it was sent never reaches the server (the outbox cancels the pair): by design.
            var kept = created.Keys.Except(deleted.Keys).ToList();
            Assert.That(kept, Is.Not.Empty, "some acknowledged creates were not deleted (else the checks below compare nothing)");
            Assert.That(kept.Except(ids), Is.Empty, "every acknowledged create that was not deleted reached the server");
            var server = items.Where(p => !(bool)(p!["_deleted"] ?? false))
                .Select(p => ((string)p!["id"]!, (string)p["title"]!, (int?)p["rating"])).OrderBy(p => p.Item1, StringComparer.Ordinal).ToArray();
            Assert.That(server, Is.Not.Empty, "the replicas are compared with a non-empty server");
            for (int i = 0; i < clients.Length; i++)
            {
                await clients[i].WaitUntilAsync(async s =>
                {
                    var local = (await s.QueryAsync<Post>()).Select(p => (p.Id, p.Title, p.Rating)).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
                    return local.SequenceEqual(server);
                }, $"client {i} equals the server ({server.Length} records)", TimeSpan.FromSeconds(60));
                Assert.That(await clients[i].Store.GetFailedMutationsAsync(), Is.Empty, $"client {i} dead-lettered nothing");
            }
            TestContext.Out.WriteLine($"seed {seed}: {created.Count} creates, {faults} faults, {server.Length} records on the server, {proxies.Sum(p => p.Resets)} connections reset");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
            foreach (var proxy in proxies) await proxy.DisposeAsync();
        }
    }
}
