// The seed's blog app on the local DataStore: NEW (save a random post), DELETE ALL, QUERY rating > 4, and a live
// observe log. `--demo` runs a non-interactive walk-through (the README's main command); without it, a menu.
// `--sync <amplify_outputs.json or amplifyconfiguration.json>` syncs the store with AppSync or the local backend: it
// prints sync progress, online/offline changes and changes received from other devices (`[remote] NEW Post 'x'`);
// `--watch <seconds>` stays up that long without a menu (for scripts), then lists the posts and exits.
using Blog.Models;

namespace Blog;

using Amplify.DataStore;
using Amplify.DataStore.Events;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var demo = args.Contains("--demo");
        var syncConfig = Option(args, "--sync");
        var watch = Option(args, "--watch");
        // With sync the file is one device's copy: each instance needs its own (--db), so the default is local to the run.
        var dbPath = Option(args, "--db") ?? (syncConfig is null ? Path.Combine(Path.GetTempPath(), "amplify-blog-sample.db") : "blog.db");
        int watchSeconds = 0;
        if (watch is not null && (!int.TryParse(watch, out watchSeconds) || watchSeconds < 1))
        {
            Console.Error.WriteLine($"--watch takes a number of seconds, not '{watch}'.");
            return 2;
        }
        if (watch is not null && syncConfig is null)
        {
            Console.Error.WriteLine("--watch needs --sync <config>.");
            return 2;
        }

        AmplifyConfig? config = null;
        try
        {
            if (syncConfig is not null) config = AmplifyConfig.Load(syncConfig);
        }
        catch (AmplifyConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o =>
        {
            o.UseLiteDb(dbPath);
            if (config is not null)
            {
                o.UseAppSync(config, s => s.WithErrorHandler(e => Console.WriteLine($"  [sync error] {e}")));
            }
        });
        Console.WriteLine($"DataStore open: {dbPath} (schema {AmplifyModels.Version[..12]}…)");
        // The sync engine stores the server's copy of each change this device sent (it carries the server's version and
        // timestamps), and that arrives as a Remote update too: it is told apart from other devices' changes by content.
        var sentByMe = new System.Collections.Concurrent.ConcurrentDictionary<string, Post>();
        using var log = store.Observe<Post>().Subscribe(msg =>
        {
            var p = msg.Element;
            if (msg.Origin == ChangeOrigin.Local)
            {
                if (msg.OpType == OpType.Delete) sentByMe.TryRemove(p.Id, out _);
                else sentByMe[p.Id] = p;
                Console.WriteLine($"  [observe] {msg.Model} {msg.OpType} {p.Title} (rating {p.Rating})");
            }
            else if (msg.OpType == OpType.Update && sentByMe.TryRemove(p.Id, out var mine) && (mine.Title, mine.Rating, mine.Status) == (p.Title, p.Rating, p.Status))
            {
                Console.WriteLine($"  [synced] Post '{p.Title}' (the server's copy of this device's change)");
            }
            else
            {
                Console.WriteLine($"  [remote] {Verb(msg.OpType)} Post '{p.Title}' (rating {p.Rating})");
            }
        });
        if (syncConfig is null) return demo ? await DemoAsync(store) : await InteractiveAsync(store);

        var stopping = false;
        var outboxWasBusy = false;
        using var events = store.Events.Subscribe(e =>
        {
            switch (e)
            {
                case SyncProgressEvent { IsComplete: false } p: Console.WriteLine($"  [sync] {p.ModelName}: {p.ItemsReceived} received…"); break;
                case SyncProgressEvent p: Console.WriteLine($"  [sync] {p.ModelName}: synced ({p.ItemsReceived} received, {(p.IsFullSync ? "full" : "delta")} sync)"); break;
                case NetworkStatusEvent { Active: true }: Console.WriteLine("  [network] online"); break;
                case NetworkStatusEvent: Console.WriteLine(stopping ? "  [sync] stopped" : "  [network] offline (local changes stay queued; reconnecting)"); break;
                case ReadyEvent: Console.WriteLine("  [sync] ready"); ready.TrySetResult(); break;
                case OutboxStatusEvent { IsEmpty: false } o: outboxWasBusy = true; Console.WriteLine($"  [outbox] {o.PendingCount} local change(s) to send"); break;
                case OutboxStatusEvent when outboxWasBusy: Console.WriteLine("  [outbox] all local changes sent"); break;
                case OutboxMutationFailedEvent f: Console.WriteLine($"  [outbox] refused by the server: {f.Failure}"); break;
                case ConditionalSaveFailedEvent c: Console.WriteLine($"  [outbox] condition failed on the server: {c.Message}"); break;
            }
        });
        Console.WriteLine($"Syncing with {syncConfig}…");
        await store.StartAsync();
        // Ready comes after the first sync, or once the server proved unreachable (the store then works offline).
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task) Console.WriteLine("  [sync] not ready after 30 s; going on");

        int exitCode;
        if (watchSeconds > 0)
        {
            Console.WriteLine($"WATCH    {watchSeconds} s");
            await Task.Delay(TimeSpan.FromSeconds(watchSeconds));
            await ListAsync(store);
            exitCode = 0;
        }
        else
        {
            exitCode = await InteractiveAsync(store);
        }
        await FlushOutboxAsync(store, TimeSpan.FromSeconds(15));
        stopping = true;
        await store.StopAsync();
        return exitCode;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Verb(OpType op) => op switch
    {
        OpType.Insert => "NEW",
        OpType.Update => "UPDATE",
        OpType.Delete => "DELETE",
        _ => op.ToString(),
    };

    // Gives queued local changes a chance to reach the server before exiting (they would otherwise be sent on the next run).
    private static async Task FlushOutboxAsync(DataStore store, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var pending = await store.GetPendingMutationsAsync();
        if (pending.Count == 0) return;
        Console.WriteLine($"EXIT     waiting for {pending.Count} local change(s) to be sent…");
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            pending = await store.GetPendingMutationsAsync();
        }
        if (pending.Count > 0) Console.WriteLine($"EXIT     {pending.Count} local change(s) not sent yet; they are kept and sent on the next run");
    }

    private static async Task<int> DemoAsync(DataStore store)
    {
        await DeleteAllAsync(store);
        for (int i = 0; i < 3; i++) await NewAsync(store);
        var post = await store.SaveAsync(new Post { Title = "My First Post", Rating = 10, Status = PostStatus.Active });
        var comment = await store.SaveAsync(new Comment { Content = "Loving DataStore!", Post = post });
        Console.WriteLine($"COMMENT  '{comment.Content}' on '{post.Title}'; comments of the post: {(await store.QueryAsync(post.Comments)).Count}");
        await store.SaveAsync(Post.CopyOf(post, u => u.Title = "My First Post (edited)"));
        await QueryAsync(store);
        await ListAsync(store);
        await DeleteAllAsync(store);
        await Task.Delay(200); // let the observe log catch up before exiting
        var left = await store.QueryAsync<Post>();
        Console.WriteLine($"DONE     {left.Count} posts left");
        return left.Count == 0 ? 0 : 1;
    }

    private static async Task<int> InteractiveAsync(DataStore store)
    {
        while (true)
        {
            Console.WriteLine();
            Console.Write("[N]ew post  [D]elete all  [Q]uery rating > 4  [L]ist  e[X]it > ");
            var key = Console.ReadLine()?.Trim().ToUpperInvariant();
            switch (key)
            {
                case "N": await NewAsync(store); break;
                case "D": await DeleteAllAsync(store); break;
                case "Q": await QueryAsync(store); break;
                case "L": await ListAsync(store); break;
                case "X" or null: return 0;
                default: Console.WriteLine("Type N, D, Q, L or X."); break;
            }
        }
    }

    private static async Task NewAsync(DataStore store)
    {
        var rating = Random.Shared.Next(1, 11);
        var post = await store.SaveAsync(new Post
        {
            Title = $"Post {DateTime.UtcNow:HH:mm:ss.fff}",
            Rating = rating,
            Status = rating % 2 == 0 ? PostStatus.Active : PostStatus.Inactive,
        });
        Console.WriteLine($"NEW      {post.Title} rating {post.Rating} {post.Status}");
    }

    private static async Task DeleteAllAsync(DataStore store)
    {
        var deleted = await store.DeleteAsync(Predicate<Post>.All);
        Console.WriteLine($"DELETE   {deleted.Count} posts (and their comments)");
    }

    private static async Task QueryAsync(DataStore store)
    {
        var good = await store.QueryAsync(Post.Where(p => p.Rating.Gt(4)), new QueryOptions { Sort = Post.Sort(s => s.Rating.Descending()) });
        Console.WriteLine($"QUERY    rating > 4: {good.Count} posts");
        foreach (var p in good) Console.WriteLine($"         {p.Rating,2} {p.Title}");
    }

    private static async Task ListAsync(DataStore store)
    {
        var all = await store.QueryAsync<Post>();
        Console.WriteLine($"LIST     {all.Count} posts");
    }
}
