using CrashWriter.Models;

namespace CrashWriter;

using Amplify.DataStore;

/// <summary>
/// The owner side of the two-process stress test: random operations on a store it owns, each checked against an
/// in-memory model of what the store must hold; the digest printed at the end lets the test check the file afterwards.
/// </summary>
internal static class RandomOps
{
    public static async Task<int> RunAsync(string path, int count, int seed)
    {
        var random = new Random(seed);
        var expected = new Dictionary<string, Post>();
        await using (var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(path)))
        {
            foreach (var post in await store.QueryAsync<Post>()) expected[post.Id] = post;
            Console.WriteLine("READY");
            for (int i = 0; i < count; i++)
            {
                var existing = expected.Count == 0 ? null : expected.Values.ElementAt(random.Next(expected.Count));
                // Creates are twice as likely as deletes, so the store grows to a few hundred posts.
                switch (existing is null ? 0 : random.Next(6))
                {
                    case 0:
                    case 5:
                        var created = await store.SaveAsync(new Post { Title = $"op {i}", Rating = random.Next(10), Status = PostStatus.Active });
                        expected[created.Id] = created;
                        break;
                    case 1:
                        var updated = await store.SaveAsync(existing! with { Rating = random.Next(10) });
                        expected[updated.Id] = updated;
                        break;
                    case 2:
                        // Conditional: applies only while the stored rating is below 5.
                        var candidate = existing! with { Title = $"conditional {i}" };
                        try
                        {
                            await store.SaveAsync(candidate, Post.Where(p => p.Rating.Lt(5)));
                            expected[candidate.Id] = candidate;
                        }
                        catch (ConditionalCheckFailedException) when (existing!.Rating >= 5)
                        {
                        }
                        break;
                    case 3:
                        await store.DeleteAsync(existing!);
                        expected.Remove(existing!.Id);
                        break;
                    case 4:
                        var stored = await store.QueryByIdAsync<Post>(existing!.Id);
                        if (stored != existing) return Fail($"op {i}: read {stored} but expected {existing}");
                        break;
                }
            }
            var all = await store.QueryAsync<Post>();
            if (all.Count != expected.Count || all.Any(p => !expected.TryGetValue(p.Id, out var e) || e != p))
            {
                return Fail($"the store holds {all.Count} posts, expected {expected.Count} with the same contents");
            }
            Console.WriteLine($"DONE {expected.Count} {Digest(expected.Values)}");
            Console.In.ReadLine(); // keep owning the file while the other process contends for it
        }
        return 0;
    }

    /// <summary>An order-independent digest (SHA-256) of the posts' contents; the test computes it the same way.</summary>
    public static string Digest(IEnumerable<Post> posts)
        => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("|", posts.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => $"{p.Id}:{p.Title}:{p.Rating}")))));

    private static int Fail(string message)
    {
        Console.WriteLine("ERROR " + message);
        return 1;
    }
}
