// The blog sample. Today it shows what the build generates from schema.graphql: immutable models, CopyOf,
// typed predicates and the JSON wire format. The local store (save/query/observe) arrives with the storage engine.
using Blog.Models;

namespace Blog;

using Amplify.DataStore;
using Amplify.DataStore.Serialization;

public static class Program
{
    public static int Main(string[] args)
    {
        var demo = args.Contains("--demo");
        var post = new Post { Title = "My First Post", Rating = 10, Status = PostStatus.Active };
        Console.WriteLine($"NEW      {post}");

        var edited = Post.CopyOf(post, updated =>
        {
            updated.Title = $"title {DateTime.UtcNow.Ticks}";
            updated.Status = updated.Status == PostStatus.Active ? PostStatus.Inactive : PostStatus.Active;
        });
        Console.WriteLine($"COPYOF   {edited.Title} ({edited.Status}), same id: {edited.Id == post.Id}");

        var comment = new Comment { Content = "Loving DataStore!", Post = post };
        Console.WriteLine($"COMMENT  {comment.Content} -> post {comment.CommentPostId}");

        Predicate<Post> good = Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active));
        Console.WriteLine($"QUERY    rating > 4 and ACTIVE: {good}");
        Console.WriteLine($"CHILDREN {post.Comments}");

        var json = ModelJson.Serialize(post);
        Console.WriteLine($"JSON     {json}");
        var back = ModelJson.Deserialize<Post>(json);
        Console.WriteLine($"ROUNDTRIP equal: {back == post}");
        Console.WriteLine($"SCHEMA   version {AmplifyModels.Version}, models: {string.Join(", ", AmplifyModels.Schema.Models.Select(m => m.Name))}");

        if (!demo)
        {
            Console.WriteLine("Run with --demo for this non-interactive walk-through.");
        }
        return back == post ? 0 : 1;
    }
}
