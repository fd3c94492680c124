// The seed's blog app on the local DataStore: NEW (save a random post), DELETE ALL, QUERY rating > 4, and a live
// observe log. `--demo` runs a non-interactive walk-through (the README's main command); without it, a menu.
using Blog.Models;

namespace Blog;

using Amplify.DataStore;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var demo = args.Contains("--demo");
        var dbIndex = Array.IndexOf(args, "--db");
        var dbPath = dbIndex >= 0 && dbIndex + 1 < args.Length ? args[dbIndex + 1] : Path.Combine(Path.GetTempPath(), "amplify-blog-sample.db");

        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(dbPath));
        Console.WriteLine($"DataStore open: {dbPath} (schema {AmplifyModels.Version[..12]}…)");
        using var log = store.Observe<Post>().Subscribe(msg => Console.WriteLine($"  [observe] {msg.Model} {msg.OpType} {msg.Element.Title} (rating {msg.Element.Rating})"));

        return demo ? await DemoAsync(store) : await InteractiveAsync(store);
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
