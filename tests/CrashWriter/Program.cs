// Saves posts from several concurrent writers and prints "ACK <id>" after each awaited save returns.
// The crash test kills this process with SIGKILL at a random moment and then checks every ACKed id survived.
// Modes: "default" (store defaults), "journal-only" (acknowledged saves stay in the write journal: LiteDB never
// commits them before the kill), "no-journal" (every batch commits to LiteDB before it is acknowledged).
using CrashWriter.Models;

namespace CrashWriter;

using Amplify.DataStore;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: CrashWriter <database file> [writers] [default|journal-only|no-journal]");
            return 2;
        }
        var writers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4;
        var mode = args.Length > 2 ? args[2] : "default";
        var options = mode switch
        {
            "default" => new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = args[0] },
            "journal-only" => new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = args[0], JournalCommitDelay = Timeout.InfiniteTimeSpan, JournalCommitSize = int.MaxValue },
            "no-journal" => new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = args[0], UseWriteJournal = false },
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
