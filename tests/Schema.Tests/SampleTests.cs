using System.IO;
using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>Every schema in schema-samples parses without errors into the expected model.</summary>
public class SampleTests
{
    public static string[] AllSamples() =>
        Directory.GetFileSystemEntries(TestPaths.Samples)
            .Select(Path.GetFileName)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray()!;

    [TestCaseSource(nameof(AllSamples))]
    public void Sample_parses_without_errors(string name)
    {
        var result = SchemaAssert.ParseSample(name);
        var schema = SchemaAssert.Valid(result);
        Assert.That(schema.Models, Is.Not.Empty);
        Assert.That(schema.Version, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(result.Diagnostics.Where(d => d.Severity == SchemaDiagnosticSeverity.Warning), Is.Empty,
            string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Every_expected_sample_exists()
    {
        Assert.That(AllSamples(), Is.SupersetOf(new[]
        {
            "blog.graphql", "many-to-many-v1.graphql", "v2-relationships.graphql", "composite-keys.graphql",
            "auth-rules.graphql", "defaults-and-timestamps.graphql", "aws-scalars.graphql", "reserved-names.graphql",
            "multi-file", "gen2-references.graphql",
        }));
    }

    [Test]
    public void Blog()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("blog.graphql"));
        Assert.That(schema.Models.Select(m => m.Name), Is.EqualTo(new[] { "Comment", "Post" }));
        Assert.That(schema.Enums.Single(), Is.EqualTo(new EnumDefinition("PostStatus", EquatableArray.Create("ACTIVE", "INACTIVE"))));

        var post = schema.Model("Post");
        Assert.That(post.PluralName, Is.EqualTo("Posts"));
        Assert.That(post.FieldNames(), Is.EqualTo(new[] { "id", "title", "comments", "rating", "status", "createdAt", "updatedAt" }));
        Assert.That(post.PrimaryKey, Is.EqualTo(new PrimaryKey("id", EquatableArray<string>.Empty, false)));
        Assert.That(post.Field("comments"), Is.EqualTo(new FieldDefinition("comments", new FieldType(TypeKind.Model, "Comment", ScalarKind.None),
            false, true, false, false, FieldOrigin.Declared,
            new Association(AssociationKind.HasMany, "Comment", EquatableArray<string>.Empty, EquatableArray.Create("commentPostId"), "post"),
            null, EquatableArray<AuthRule>.Empty)));
        Assert.That(post.Field("status").Type, Is.EqualTo(new FieldType(TypeKind.Enum, "PostStatus", ScalarKind.None)));
        Assert.That(post.Field("createdAt"), Is.EqualTo(new FieldDefinition("createdAt", FieldType.Of(ScalarKind.AWSDateTime),
            false, false, false, true, FieldOrigin.Timestamp, null, null, EquatableArray<AuthRule>.Empty)));

        var comment = schema.Model("Comment");
        Assert.That(comment.FieldNames(), Is.EqualTo(new[] { "id", "content", "post", "commentPostId", "createdAt", "updatedAt" }));
        Assert.That(comment.Field("post").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Post", EquatableArray.Create("commentPostId"), EquatableArray.Create("id"), "comments")));
        Assert.That(comment.Field("commentPostId"), Is.EqualTo(new FieldDefinition("commentPostId", FieldType.Of(ScalarKind.ID),
            false, false, false, false, FieldOrigin.ForeignKey, null, null, EquatableArray<AuthRule>.Empty)));
    }

    [Test]
    public void ManyToManyV1()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("many-to-many-v1.graphql"));
        var join = schema.Model("PostEditor");
        Assert.That(join.IsJoinModel, Is.False, "an explicit v1 join model is an ordinary model");
        Assert.That(join.Indexes, Is.EqualTo(new[]
        {
            new IndexDefinition("byPost", EquatableArray.Create("postID", "editorID"), null),
            new IndexDefinition("byEditor", EquatableArray.Create("editorID", "postID"), null),
        }));
        Assert.That(join.Field("post").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Post", EquatableArray.Create("postID"), EquatableArray.Create("id"), "editors")));
        Assert.That(join.Field("editor").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "User", EquatableArray.Create("editorID"), EquatableArray.Create("id"), "posts")));
        Assert.That(join.Field("post").IsRequired, Is.True);

        Assert.That(schema.Model("Post").Field("editors").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "PostEditor", EquatableArray<string>.Empty, EquatableArray.Create("postID"), "post")));
        Assert.That(schema.Model("User").Field("posts").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "PostEditor", EquatableArray<string>.Empty, EquatableArray.Create("editorID"), "editor")));
        // No implicit keys: the v1 fields are declared.
        Assert.That(schema.Models.SelectMany(m => m.Fields).Where(f => f.Origin == FieldOrigin.ForeignKey), Is.Empty);
    }

    [Test]
    public void V2Relationships()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("v2-relationships.graphql"));

        // hasOne(fields) + belongsTo back: the parent keeps teamID, the child gets teamProjectId.
        Assert.That(schema.Model("Project").Field("team").Association, Is.EqualTo(
            new Association(AssociationKind.HasOne, "Team", EquatableArray.Create("teamID"), EquatableArray.Create("id"), "project")));
        Assert.That(schema.Model("Team").Field("project").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Project", EquatableArray.Create("teamProjectId"), EquatableArray.Create("id"), "team")));
        Assert.That(schema.Model("Team").Field("teamProjectId").Origin, Is.EqualTo(FieldOrigin.ForeignKey));

        // hasMany(indexName, fields) + belongsTo(fields).
        Assert.That(schema.Model("Blog").Field("posts").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "Post", EquatableArray<string>.Empty, EquatableArray.Create("blogID"), "blog")));
        Assert.That(schema.Model("Post").Field("blog").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Blog", EquatableArray.Create("blogID"), EquatableArray.Create("id"), "posts")));
        Assert.That(schema.Model("Post").Indexes.Single(), Is.EqualTo(new IndexDefinition("byBlog", EquatableArray.Create("blogID", "title"), null)));

        // hasMany without arguments + belongsTo without arguments share postCommentsId.
        Assert.That(schema.Model("Post").Field("comments").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "Comment", EquatableArray<string>.Empty, EquatableArray.Create("postCommentsId"), "post")));
        var comment = schema.Model("Comment");
        Assert.That(comment.Field("post").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Post", EquatableArray.Create("postCommentsId"), EquatableArray.Create("id"), "comments")));
        Assert.That(comment.FieldNames(), Is.EqualTo(new[] { "id", "content", "post", "postCommentsId", "createdAt", "updatedAt" }));

        // One-way relationships.
        var profile = schema.Model("Profile");
        Assert.That(profile.Field("avatar").Association, Is.EqualTo(
            new Association(AssociationKind.HasOne, "Image", EquatableArray.Create("profileAvatarId"), EquatableArray.Create("id"), null)));
        Assert.That(profile.Field("links").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "Link", EquatableArray<string>.Empty, EquatableArray.Create("profileLinksId"), null)));
        Assert.That(schema.Model("Link").Field("profileLinksId").IsRequired, Is.False);

        // manyToMany: a synthesised join model.
        var join = schema.Model("PostTags");
        Assert.That(join.IsJoinModel, Is.True);
        Assert.That(join.FieldNames(), Is.EqualTo(new[] { "id", "postId", "tagId", "post", "tag", "createdAt", "updatedAt" }));
        Assert.That(join.Fields.Take(5).Select(f => f.Origin), Is.All.EqualTo(FieldOrigin.JoinModel));
        Assert.That(join.Field("postId"), Is.EqualTo(new FieldDefinition("postId", FieldType.Of(ScalarKind.ID), true, false, false, false,
            FieldOrigin.JoinModel, null, null, EquatableArray<AuthRule>.Empty)));
        Assert.That(join.Field("post").Association, Is.EqualTo(
            new Association(AssociationKind.BelongsTo, "Post", EquatableArray.Create("postId"), EquatableArray.Create("id"), "tags")));
        Assert.That(join.Field("post").IsRequired, Is.True);
        Assert.That(join.Indexes, Is.EqualTo(new[]
        {
            new IndexDefinition("byPost", EquatableArray.Create("postId"), null),
            new IndexDefinition("byTag", EquatableArray.Create("tagId"), null),
        }));
        var tags = schema.Model("Post").Field("tags");
        Assert.That(tags.Type, Is.EqualTo(new FieldType(TypeKind.Model, "PostTags", ScalarKind.None)));
        Assert.That(tags.Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "PostTags", EquatableArray<string>.Empty, EquatableArray.Create("postId"), "post")));
        Assert.That(schema.Model("Tag").Field("posts").Association, Is.EqualTo(
            new Association(AssociationKind.HasMany, "PostTags", EquatableArray<string>.Empty, EquatableArray.Create("tagId"), "tag")));
    }

    [Test]
    public void CompositeKeys()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("composite-keys.graphql"));

        var customer = schema.Model("Customer");
        Assert.That(customer.PrimaryKey, Is.EqualTo(new PrimaryKey("email", EquatableArray<string>.Empty, true)));
        Assert.That(customer.FindField("id"), Is.Null, "no implicit id with @primaryKey");
        Assert.That(customer.Indexes.Single(), Is.EqualTo(new IndexDefinition("customersByRepresentative",
            EquatableArray.Create("accountRepresentativeID"), "customerByRepresentative")));

        var product = schema.Model("Product");
        Assert.That(product.PrimaryKey, Is.EqualTo(new PrimaryKey("tenant", EquatableArray.Create("sku"), true)));
        Assert.That(product.PrimaryKey.IsComposite, Is.True);
        Assert.That(product.Indexes.Single(), Is.EqualTo(new IndexDefinition("productsByCategoryAndPrice", EquatableArray.Create("category", "price"), null)));

        var employee = schema.Model("Employee");
        Assert.That(employee.PrimaryKey, Is.EqualTo(new PrimaryKey("id", EquatableArray<string>.Empty, true)));
        Assert.That(employee.Indexes.Select(i => i.Name), Is.EqualTo(new[] { "employeesByManagerAndLevel", "byStartDate" }));

        var order = schema.Model("Order");
        Assert.That(order.PrimaryKey.Fields, Is.EqualTo(EquatableArray.Create("customerEmail", "createdAt", "orderNumber")));
        Assert.That(order.Field("createdAt").Origin, Is.EqualTo(FieldOrigin.Declared));
        Assert.That(order.Field("createdAt").IsReadOnly, Is.False);

        // One implicit key field per component of the parent's composite key, typed like the component.
        var line = schema.Model("OrderLine");
        Assert.That(line.Field("order").Association, Is.EqualTo(new Association(AssociationKind.BelongsTo, "Order",
            EquatableArray.Create("orderLinesCustomerEmail", "orderLinesCreatedAt", "orderLinesOrderNumber"),
            EquatableArray.Create("customerEmail", "createdAt", "orderNumber"), "lines")));
        Assert.That(line.Field("orderLinesCustomerEmail").Type, Is.EqualTo(FieldType.Of(ScalarKind.AWSEmail)));
        Assert.That(line.Field("orderLinesCreatedAt").Type, Is.EqualTo(FieldType.Of(ScalarKind.AWSDateTime)));
        Assert.That(line.Field("orderLinesOrderNumber").Type, Is.EqualTo(FieldType.Of(ScalarKind.Int)));
    }

    [Test]
    public void AuthRules()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("auth-rules.graphql"));
        var ops = EquatableArray.Create("create", "update", "delete", "read");
        var none = EquatableArray<string>.Empty;

        var todo = schema.Model("Todo").AuthRules;
        Assert.That(todo[0], Is.EqualTo(new AuthRule("owner", "userPools", "owner", "cognito:username", null, none, null, ops)));
        Assert.That(todo[1], Is.EqualTo(new AuthRule("owner", "userPools", "editors", "cognito:username", null, none, null, EquatableArray.Create("update", "read"))));
        Assert.That(todo[2], Is.EqualTo(new AuthRule("groups", "userPools", null, null, "cognito:groups", EquatableArray.Create("Admin", "Managers"), null, ops)));
        Assert.That(todo[3], Is.EqualTo(new AuthRule("groups", "userPools", null, null, "cognito:groups", none, "viewerGroups", EquatableArray.Create("read"))));
        Assert.That(todo[4], Is.EqualTo(new AuthRule("public", "apiKey", null, null, null, none, null, EquatableArray.Create("read"))));
        Assert.That(todo[7], Is.EqualTo(new AuthRule("private", "userPools", null, null, null, none, null, ops)));
        Assert.That(todo, Has.Count.EqualTo(9));

        var secret = schema.Model("Todo").Field("secret").AuthRules;
        Assert.That(secret, Has.Count.EqualTo(2));
        Assert.That(secret[1], Is.EqualTo(new AuthRule("groups", "userPools", null, null, "cognito:groups", EquatableArray.Create("Admin"), null, EquatableArray.Create("read"))));

        var note = schema.Model("Note").AuthRules;
        Assert.That(note[0], Is.EqualTo(new AuthRule("owner", "oidc", "author", "sub", null, none, null, ops)));
        Assert.That(note[1], Is.EqualTo(new AuthRule("groups", "oidc", null, null, "custom:groups", EquatableArray.Create("Editors"), null, ops)));
        Assert.That(note[2].GroupsField, Is.EqualTo("teams"), "v1 groupField is kept as a dynamic group rule");
        Assert.That(note[3], Is.EqualTo(new AuthRule("public", null, null, null, null, none, null, EquatableArray.Create("get", "list", "sync", "listen"))));
    }

    [Test]
    public void DefaultsAndTimestamps()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("defaults-and-timestamps.graphql"));

        var task = schema.Model("Task");
        Assert.That(task.Timestamps, Is.EqualTo(new TimestampFields("createdOn", "updatedOn")));
        Assert.That(task.FieldNames().TakeLast(2), Is.EqualTo(new[] { "createdOn", "updatedOn" }));
        Assert.That(task.Field("createdOn").IsReadOnly, Is.True);
        Assert.That(task.Field("title").DefaultValue, Is.EqualTo("Untitled"));
        Assert.That(task.Field("priority").DefaultValue, Is.EqualTo("MEDIUM"));
        Assert.That(task.Field("meta").DefaultValue, Is.EqualTo("{\"tags\": [\"a\", \"b\"], \"n\": 1}"));
        Assert.That(task.Field("id").DefaultValue, Is.Null);

        var audit = schema.Model("AuditLog");
        Assert.That(audit.Timestamps, Is.EqualTo(new TimestampFields(null, null)));
        Assert.That(audit.FieldNames(), Is.EqualTo(new[] { "id", "message" }));

        var snapshot = schema.Model("Snapshot");
        Assert.That(snapshot.Timestamps, Is.EqualTo(new TimestampFields("createdAt", null)));
        Assert.That(snapshot.FieldNames(), Is.EqualTo(new[] { "id", "data", "createdAt" }), "updatedAt: null disables updatedAt (modelgen ignores it)");

        Assert.That(schema.Model("Draft").FieldNames(), Is.EqualTo(new[] { "id", "text", "startedAt", "updatedAt" }));

        var import = schema.Model("Import");
        Assert.That(import.FieldNames(), Is.EqualTo(new[] { "id", "createdAt", "source", "updatedAt" }));
        Assert.That(import.Field("createdAt").IsReadOnly, Is.False);
        Assert.That(import.Field("createdAt").IsRequired, Is.True);
        Assert.That(import.Field("updatedAt").IsReadOnly, Is.True);

        Assert.That(schema.Model("Setting").Field("value").DefaultValue, Is.EqualTo(string.Empty));
    }

    [Test]
    public void AwsScalars()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("aws-scalars.graphql"));
        var model = schema.Model("Everything");

        foreach (var scalar in System.Enum.GetValues<ScalarKind>().Where(s => s != ScalarKind.None))
        {
            Assert.That(model.Fields.Any(f => f.Type == FieldType.Of(scalar)), Is.True, $"no field of type {scalar}");
        }

        void Shape(string name, bool required, bool list, bool listRequired)
        {
            var f = model.Field(name);
            Assert.That((f.IsRequired, f.IsList, f.IsListRequired), Is.EqualTo((required, list, listRequired)), name);
        }
        Shape("aString", false, false, false);
        Shape("requiredString", true, false, false);
        Shape("strings", false, true, false);
        Shape("requiredStrings", false, true, true);
        Shape("stringsOfRequired", true, true, false);
        Shape("requiredStringsOfRequired", true, true, true);
        Shape("intsOfRequired", true, true, false);
        Shape("requiredColors", true, true, true);
        Shape("requiredAddresses", true, true, true);

        Assert.That(model.Field("requiredStrings").IsValueRequired, Is.True);
        Assert.That(model.Field("stringsOfRequired").IsValueRequired, Is.False);
        Assert.That(model.Field("address").Type, Is.EqualTo(new FieldType(TypeKind.NonModel, "Address", ScalarKind.None)));
        Assert.That(model.Field("colors").Type, Is.EqualTo(new FieldType(TypeKind.Enum, "Color", ScalarKind.None)));
        Assert.That(model.Field("aTimestamp").Type.Scalar, Is.EqualTo(ScalarKind.AWSTimestamp));

        Assert.That(schema.NonModels.Select(n => n.Name), Is.EqualTo(new[] { "Address", "Dimensions", "GeoPoint" }));
        var address = schema.FindNonModel("Address")!;
        Assert.That(address.Fields.Select(f => f.Name), Is.EqualTo(new[] { "street", "city", "zip", "location", "tags" }));
        Assert.That(address.Fields[3].Type, Is.EqualTo(new FieldType(TypeKind.NonModel, "GeoPoint", ScalarKind.None)));
        Assert.That(address.Fields.All(f => f.Origin == FieldOrigin.Declared && !f.IsReadOnly), Is.True);
    }

    [Test]
    public void ReservedNames()
    {
        var result = SchemaAssert.ParseSample("reserved-names.graphql");
        var schema = SchemaAssert.Valid(result);
        Assert.That(schema.Model("Task").FieldNames(), Does.Contain("class").And.Contain("event").And.Contain("namespace").And.Contain("task"));
        Assert.That(schema.Model("Model").FieldNames(), Does.Contain("default"));
        Assert.That(schema.FindEnum("Visibility")!.Values, Is.EqualTo(EquatableArray.Create("public", "private", "internal")));

        var info = result.Diagnostics.Single();
        Assert.That((info.Id, info.Severity), Is.EqualTo((SchemaDiagnosticIds.RenamedMember, SchemaDiagnosticSeverity.Info)));
        Assert.That(info.Message, Does.Contain("Task.task").And.Contain("TaskValue"));
    }

    [Test]
    public void MultiFile()
    {
        var schema = SchemaAssert.Valid(SchemaAssert.ParseSample("multi-file"));
        Assert.That(schema.Models.Select(m => m.Name), Is.EqualTo(new[] { "Note", "Ticket" }));
        Assert.That(schema.Enums.Select(e => e.Name), Is.EqualTo(new[] { "Severity", "TicketState" }));
        Assert.That(schema.NonModels.Select(n => n.Name), Is.EqualTo(new[] { "Location" }));
        Assert.That(schema.Model("Ticket").Field("state").Type, Is.EqualTo(new FieldType(TypeKind.Enum, "TicketState", ScalarKind.None)));
        Assert.That(schema.Model("Note").Field("ticket").Association!.TargetNames, Is.EqualTo(EquatableArray.Create("ticketNotesId")));
    }
}
