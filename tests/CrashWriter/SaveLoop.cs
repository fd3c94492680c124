using CrashWriter.Models;

namespace CrashWriter;

using Amplify.DataStore;
using Amplify.DataStore.Storage.LiteDb;

/// <summary>Saves posts from concurrent writers, printing "ACK &lt;id&gt;" per acknowledged save, until killed (or 60 s).</summary>
internal static class SaveLoop
{
    public static async Task<int> RunAsync(string path, int writers, string mode)
    {
        var options = mode switch
        {
            "default" => new LiteDbOptions { FilePath = path },
            "journal-only" => new LiteDbOptions { FilePath = path, JournalCommitDelay = Timeout.InfiniteTimeSpan, JournalCommitSize = int.MaxValue },
            "no-journal" => new LiteDbOptions { FilePath = path, UseWriteJournal = false },
            _ => null,
        };
        if (options is null)
        {
            Console.Error.WriteLine($"unknown mode '{mode}'");
            return 2;
        }
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(options));
        var output = Console.Out;
        var gate = new object();
        Console.WriteLine("READY");
        using var stopAfter = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // stops by itself if never killed
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; !stopAfter.IsCancellationRequested; i++)
            {
                var post = await store.SaveAsync(new Post { Title = $"writer {w} post {i}", Rating = i % 10, Status = PostStatus.Active });
                lock (gate)
                {
                    output.WriteLine("ACK " + post.Id);
                    output.Flush();
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return 0;
    }
}
