using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>
/// Each rule reads its own claims: groups from its <c>groupClaim</c> (default <c>cognito:groups</c>) and the owner from
/// its <c>identityClaim</c>. Runs on <c>schema-samples/auth-rules.graphql</c>, whose <c>Note</c> allows group Editors
/// through <c>custom:groups</c> and owners through <c>sub</c>.
/// </summary>
public sealed class RuleClaimsTests
{
    private const string NoteFields = "id body author _version";

    private readonly string _alice = TestTokens.Issue(sub: "sub-alice", username: "alice");

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "auth-rules.graphql")),
        o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task A_group_rule_reads_its_own_groupClaim_not_cognito_groups()
    {
        var id = await CreateNoteAsync("alice's note");
        var editorByRuleClaim = TestTokens.Issue(sub: "sub-carol", username: "carol", extraClaims: new Dictionary<string, object> { ["custom:groups"] = new[] { "Editors" } });
        var editorByCognitoGroups = TestTokens.Issue(sub: "sub-dave", username: "dave", groups: new[] { "Editors" });
        // Cognito custom attributes are strings, so the group list often arrives as JSON text.
        var editorByJsonText = TestTokens.Issue(sub: "sub-erin", username: "erin", extraClaims: new Dictionary<string, object> { ["custom:groups"] = "[\"Readers\",\"Editors\"]" });
        var editorBySingleName = TestTokens.Issue(sub: "sub-fay", username: "fay", extraClaims: new Dictionary<string, object> { ["custom:groups"] = "Editors" });

        var refused = await UpdateAsync(editorByCognitoGroups, id, "dave's edit", version: 1);
        Assert.That((string)refused["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), refused.ToJsonString());
        Assert.That((string)refused["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access updateNote on type Mutation"));

        int version = 1;
        foreach (var (jwt, body) in new[] { (editorByRuleClaim, "carol's edit"), (editorByJsonText, "erin's edit"), (editorBySingleName, "fay's edit") })
        {
            var accepted = await UpdateAsync(jwt, id, body, version);
            Assert.That(accepted["errors"], Is.Null, accepted.ToJsonString());
            Assert.That((string)accepted["data"]!["updateNote"]!["body"]!, Is.EqualTo(body));
            version++;
        }
    }

    [Test]
    public async Task An_owner_rule_with_identityClaim_sub_matches_the_sub_only()
    {
        var id = await CreateNoteAsync("alice's note");
        var stored = await _backend.DataAsync("query($id: ID!) { getNote(id: $id) { author } }", new { id }, _alice);
        Assert.That((string)stored["getNote"]!["author"]!, Is.EqualTo("sub-alice"), "the rule's claim is stored, not sub::username");

        // Same user name, another sub: the rule names the owner by sub, so this is someone else.
        var namesake = TestTokens.Issue(sub: "sub-mallory", username: "alice");
        var refused = await UpdateAsync(namesake, id, "mallory's edit", version: 1);
        Assert.That((string)refused["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), refused.ToJsonString());

        var accepted = await UpdateAsync(_alice, id, "alice's edit", version: 1);
        Assert.That(accepted["errors"], Is.Null, accepted.ToJsonString());
    }

    [Test]
    public async Task A_custom_identityClaim_is_stored_and_matched_and_a_token_without_it_cannot_create()
    {
        await using var backend = await Backend.StartAsync("""
            type Card @model @auth(rules: [{ allow: owner, identityClaim: "email" }]) {
              id: ID!
              title: String!
            }
            """, o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });
        var aliceWithEmail = TestTokens.Issue(sub: "sub-alice", username: "alice", extraClaims: new Dictionary<string, object> { ["email"] = "alice@example.com" });
        var created = await backend.DataAsync("mutation { createCard(input: { title: \"t\" }) { id owner } }", jwt: aliceWithEmail);
        Assert.That((string)created["createCard"]!["owner"]!, Is.EqualTo("alice@example.com"));
        var id = (string)created["createCard"]!["id"]!;

        // The same sub and user name with another email is not the owner; another user with that email is.
        var aliceOtherEmail = TestTokens.Issue(sub: "sub-alice", username: "alice", extraClaims: new Dictionary<string, object> { ["email"] = "alice@other.example" });
        var (_, refused) = await backend.PostAsync("query($id: ID!) { getCard(id: $id) { id } }", new { id }, apiKey: null, jwt: aliceOtherEmail);
        Assert.That((string)refused["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), refused.ToJsonString());
        var sameEmail = TestTokens.Issue(sub: "sub-other", username: "other", extraClaims: new Dictionary<string, object> { ["email"] = "alice@example.com" });
        var read = await backend.DataAsync("query($id: ID!) { getCard(id: $id) { id } }", new { id }, sameEmail);
        Assert.That((string)read["getCard"]!["id"]!, Is.EqualTo(id));

        var (_, noClaim) = await backend.PostAsync("mutation { createCard(input: { title: \"no email\" }) { id } }", apiKey: null, jwt: _alice);
        Assert.That((string)noClaim["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), noClaim.ToJsonString());
        var all = await backend.DataAsync("{ syncCards { items { title } } }", jwt: sameEmail);
        Assert.That(all["syncCards"]!["items"]!.AsArray().Select(i => (string)i!["title"]!), Is.EqualTo(new[] { "t" }), "nothing was stored for the token without the claim");
    }

    [Test]
    public async Task A_dynamic_group_rule_reads_cognito_groups_by_default()
    {
        var data = await _backend.DataAsync("mutation { createNote(input: { body: \"team note\", teams: [\"red\"] }) { id } }", jwt: _alice);
        var id = (string)data["createNote"]!["id"]!;
        var red = TestTokens.Issue(sub: "sub-rita", username: "rita", groups: new[] { "red" });
        var redByOtherClaim = TestTokens.Issue(sub: "sub-rob", username: "rob", extraClaims: new Dictionary<string, object> { ["custom:groups"] = new[] { "red" } });

        var accepted = await UpdateAsync(red, id, "rita's edit", version: 1);
        Assert.That(accepted["errors"], Is.Null, accepted.ToJsonString());
        var refused = await UpdateAsync(redByOtherClaim, id, "rob's edit", version: 2);
        Assert.That((string)refused["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), refused.ToJsonString());
    }

    [Test]
    public async Task Subscriptions_of_one_user_with_different_rule_claims_get_their_own_events()
    {
        await using var backend = await Backend.StartAsync("""
            type Memo @model @auth(rules: [{ allow: owner }, { allow: groups, groups: ["Readers"], groupClaim: "custom:groups" }]) {
              id: ID!
              text: String!
            }
            """, o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });
        // The same sub, user name and cognito:groups; only the rule's claim differs.
        var reader = TestTokens.Issue(sub: "sub-carol", username: "carol", extraClaims: new Dictionary<string, object> { ["custom:groups"] = new[] { "Readers" } });
        var notReader = TestTokens.Issue(sub: "sub-carol", username: "carol");
        const string subscription = "subscription { onCreateMemo { id text } }";
        var notReaderHeader = new JsonObject { ["host"] = backend.Endpoint.Authority, ["Authorization"] = notReader };
        var readerHeader = new JsonObject { ["host"] = backend.Endpoint.Authority, ["Authorization"] = reader };
        await using var first = await RealtimeClient.ConnectWithSubprotocolAsync(backend, notReaderHeader);
        await using var second = await RealtimeClient.ConnectWithSubprotocolAsync(backend, readerHeader);
        await first.InitAsync();
        await second.InitAsync();
        Assert.That((string)(await first.StartAsync("own", subscription, notReaderHeader))["type"]!, Is.EqualTo("start_ack"));
        Assert.That((string)(await second.StartAsync("all", subscription, readerHeader))["type"]!, Is.EqualTo("start_ack"));

        await backend.DataAsync("mutation { createMemo(input: { text: \"dave's memo\" }) { id text } }", jwt: TestTokens.Issue(sub: "sub-dave", username: "dave"));
        var delivered = await second.ReceiveSkippingKaAsync();
        Assert.That((string?)delivered["payload"]?["data"]?["onCreateMemo"]?["text"], Is.EqualTo("dave's memo"), delivered.ToJsonString());
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () => await first.ReceiveSkippingKaAsync(TimeSpan.FromMilliseconds(500)),
            "the token without the group sees only its own memos");
    }

    private async Task<string> CreateNoteAsync(string body)
    {
        var data = await _backend.DataAsync($"mutation($i: CreateNoteInput!) {{ createNote(input: $i) {{ {NoteFields} }} }}", new { i = new { body } }, _alice);
        return (string)data["createNote"]!["id"]!;
    }

    private async Task<JsonObject> UpdateAsync(string jwt, string id, string body, int version)
    {
        var (_, response) = await _backend.PostAsync($"mutation($i: UpdateNoteInput!) {{ updateNote(input: $i) {{ {NoteFields} }} }}",
            new { i = new { id, body, _version = version } }, apiKey: null, jwt: jwt);
        return response;
    }
}
