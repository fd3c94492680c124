// Child process for the sync crash test (tests/Sync.Tests/Engine/ClientCrashTests.cs); console output is the protocol.
//   SyncCrashClient <db> <amplify_outputs.json> <offline saves> <writers> <pause ms>
//       Opens a syncing store on <db> and prints "READY". Saves <offline saves> posts before sync is started (so the
//       outbox holds them), prints "STARTING", starts sync, and keeps saving from <writers> concurrent writers while the
//       outbox is drained, each writer pausing <pause ms> after each save. Prints "ACK <id>" after each awaited save returns and "SENT <id>" for each outbox entry the
//       server answered. Runs until it is killed (or 60 s).
using Amplify.DataStore;
using Amplify.DataStore.Events;
using SyncTests.Models;

namespace SyncCrashClient;

public static class Program
{
    private static readonly object Gate = new();

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 5)
        {
            Console.Error.WriteLine("usage: SyncCrashClient <database file> <amplify_outputs.json> <offline saves> <writers> <pause ms>");
            return 2;
        }
        int offline = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        int writers = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var pause = TimeSpan.FromMilliseconds(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        var config = AmplifyConfig.Load(args[1]);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o
            .UseLiteDb(args[0])
            .UseAppSync(config, s => s.WithRetryDelays(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)).WithRequestTimeout(TimeSpan.FromSeconds(5))));
        using var events = store.Events.Subscribe(new Printer());
        Print("READY");

        using var stopAfter = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // stops by itself if never killed
        int next = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) <= offline;) await SaveAsync(store, "offline " + i);
        })));

        Print("STARTING");
        await store.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; !stopAfter.IsCancellationRequested; i++)
            {
                await SaveAsync(store, $"writer {w} post {i}");
                if (pause > TimeSpan.Zero) await Task.Delay(pause);
            }
        })));
        return 0;
    }

    private static async Task SaveAsync(DataStore store, string title)
    {
        var post = await store.SaveAsync(new Post { Title = title, Rating = title.Length % 10, Status = PostStatus.Active });
        Print("ACK " + post.Id);
    }

    private static void Print(string line)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private sealed class Printer : IObserver<DataStoreEvent>
    {
        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void OnNext(DataStoreEvent value)
        {
            if (value is OutboxMutationProcessedEvent processed) Print("SENT " + processed.Mutation.ModelKey);
            else if (value is OutboxMutationFailedEvent failed) Print("FAILED " + failed.Failure.Mutation.ModelKey + " " + failed.Failure.ErrorType);
        }
    }
}
