using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Serialization;
using Consumer.Models;
using NUnit.Framework;

namespace Consumer;

using Amplify.DataStore;

/// <summary>The foundation issue's usage block, compiled by a real build and asserted at run time.</summary>
public class BlogUsageTests
{
    private static Post NewPost() => new() { Title = "My First Post", Rating = 10, Status = PostStatus.Active };

    [Test]
    public void New_post_gets_a_uuid_id()
    {
        var post = NewPost();
        Assert.That(Guid.TryParse(post.Id, out _), Is.True, post.Id);
        Assert.That(NewPost().Id, Is.Not.EqualTo(post.Id));
    }

    [Test]
    public void A_given_id_is_kept_and_with_keeps_it()
    {
        var post = new Post { Id = "given", Title = "t", Rating = 1, Status = PostStatus.Active };
        Assert.That(post.Id, Is.EqualTo("given"));
        Assert.That((post with { Title = "u" }).Id, Is.EqualTo("given"));
        var fresh = NewPost();
        Assert.That((fresh with { Rating = 2 }).Id, Is.EqualTo(fresh.Id));
    }

    [Test]
    public void CopyOf_changes_fields_and_keeps_the_id()
    {
        var post = NewPost();
        var edited = Post.CopyOf(post, updated =>
        {
            updated.Title = $"title {DateTime.UtcNow.Ticks}";
            updated.Status = updated.Status == PostStatus.Active ? PostStatus.Inactive : PostStatus.Active;
        });
        Assert.That(edited.Id, Is.EqualTo(post.Id));
        Assert.That(edited.Title, Does.StartWith("title "));
        Assert.That(edited.Status, Is.EqualTo(PostStatus.Inactive));
        Assert.That(post.Title, Is.EqualTo("My First Post"), "the original is immutable");
        Assert.That(edited, Is.Not.EqualTo(post));
    }

    [Test]
    public void With_expressions_and_value_equality()
    {
        var post = NewPost();
        var alsoEdited = post with { Rating = 3 };
        Assert.That(alsoEdited.Rating, Is.EqualTo(3));
        Assert.That(alsoEdited.Id, Is.EqualTo(post.Id));
        var twin = post with { };
        Assert.That(twin, Is.EqualTo(post));
        Assert.That(twin == post, Is.True);
        Assert.That(twin.GetHashCode(), Is.EqualTo(post.GetHashCode()));
        Assert.That(Post.CopyOf(post, _ => { }), Is.EqualTo(post));
    }

    [Test]
    public void And_predicate_has_the_expected_tree()
    {
        Predicate<Post> p1 = Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active));
        var group = (PredicateGroup)p1.Node;
        Assert.That(group.Kind, Is.EqualTo(GroupKind.And));
        Assert.That(group.Children, Has.Count.EqualTo(2));
        var rating = (FieldCondition)group.Children[0];
        Assert.That(rating.Field.ToString(), Is.EqualTo("rating"));
        Assert.That(rating.Operator, Is.EqualTo(PredicateOperator.Gt));
        Assert.That(rating.Value, Is.EqualTo(FieldValue.From(4)));
        var status = (FieldCondition)group.Children[1];
        Assert.That(status.Field.ToString(), Is.EqualTo("status"));
        Assert.That(status.Value, Is.EqualTo(FieldValue.From("ACTIVE")), "enums compare by wire name");
    }

    [Test]
    public void Or_and_not_predicates_have_the_expected_tree()
    {
        Predicate<Post> p2 = Post.Where(p => p.Rating.Gt(4) | p.Title.BeginsWith("Draft"));
        Assert.That(p2.ToString(), Is.EqualTo("or(rating Gt 4, title BeginsWith \"Draft\")"));
        Predicate<Post> p3 = Post.Where(p => !p.Title.Contains("spam"));
        var not = (PredicateGroup)p3.Node;
        Assert.That(not.Kind, Is.EqualTo(GroupKind.Not));
        Assert.That(((FieldCondition)not.Children[0]).Operator, Is.EqualTo(PredicateOperator.Contains));
        var combined = Predicate.Or(p2, p3) & Post.Where(p => p.Id.In("a", "b"));
        Assert.That(combined.ToString(), Is.EqualTo(
            "and(or(rating Gt 4, title BeginsWith \"Draft\", not(title Contains \"spam\")), id In (\"a\", \"b\"))"));
        Assert.That(Predicate.Not(Predicate.Not(p2)), Is.EqualTo(p2));
    }

    [Test]
    public void Comment_with_a_post_sets_the_foreign_key_and_nested_predicates_use_the_path()
    {
        var post = NewPost();
        var comment = new Comment { Content = "Loving DataStore!", Post = post };
        Assert.That(comment.CommentPostId, Is.EqualTo(post.Id));
        Assert.That(comment.Post, Is.SameAs(post));
        var moved = comment with { CommentPostId = "another" };
        Assert.That(moved.Post, Is.Null, "the parent instance is only exposed while its key matches");

        var nested = Comment.Where(c => c.Post.Id.Eq(post.Id));
        var condition = (FieldCondition)nested.Node;
        Assert.That(condition.Field.Segments, Is.EqualTo(new[] { "post", "id" }));

        var children = post.Comments.Predicate;
        Assert.That(children.ToString(), Is.EqualTo($"commentPostId Eq \"{post.Id}\""));
    }

    [Test]
    public void Version_and_schema_metadata()
    {
        string version = AmplifyModels.Version;
        ModelSchema schema = AmplifyModels.Schema;
        Assert.That(version, Has.Length.EqualTo(64).And.Match("^[0-9a-f]+$"));
        Assert.That(schema.Version, Is.EqualTo(version));
        Assert.That(schema.Models.Select(m => m.Name), Is.EqualTo(new[] { "Comment", "Everything", "Post" }), "both schema files merged");
        var post = schema.GetModel<Post>();
        Assert.That(post.PrimaryKey.Fields, Is.EqualTo(new[] { "id" }));
        Assert.That(post.FindField("comments")!.Association!.Type, Is.EqualTo(AssociationType.HasMany));
        Assert.That(post.FindField("comments")!.Association!.AssociatedWith, Is.EqualTo(new[] { "commentPostId" }));
        Assert.That(post.FindField("createdAt")!.IsReadOnly, Is.True);
        var comment = schema.GetModel("Comment");
        Assert.That(comment.FindField("post")!.Association!.TargetNames, Is.EqualTo(new[] { "commentPostId" }));
        Assert.That(schema.Enums.Single(e => e.Name == "PostStatus").Values, Is.EqualTo(new[] { "ACTIVE", "INACTIVE" }));
    }

    [Test]
    public void Json_round_trip_uses_wire_names()
    {
        var post = NewPost();
        var json = ModelJson.Serialize(post);
        Assert.That(json, Does.Contain("\"status\":\"ACTIVE\"").And.Contain("\"rating\":10").And.Contain($"\"id\":\"{post.Id}\""));
        var back = ModelJson.Deserialize<Post>(json);
        Assert.That(back, Is.EqualTo(post));
    }

    [Test]
    public void Reading_json_without_a_required_field_names_it()
    {
        var ex = Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Post>("{\"id\":\"1\",\"rating\":1,\"status\":\"ACTIVE\"}"));
        Assert.That(ex!.Message, Does.Contain("Post.title"));
        var bad = Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Post>("{\"id\":\"1\",\"title\":\"t\",\"rating\":1,\"status\":\"DRAFT\"}"));
        Assert.That(bad!.Message, Does.Contain("Post.status").And.Contain("DRAFT").And.Contain("ACTIVE, INACTIVE"));
    }

    [Test]
    public void Sort_builder_chains_keys()
    {
        var sort = Post.Sort(s => s.Rating.Descending().Title.Ascending());
        Assert.That(sort.ToString(), Is.EqualTo("rating Descending, title Ascending"));
    }
}
