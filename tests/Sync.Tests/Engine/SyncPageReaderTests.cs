using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Sync.Engine;
using NUnit.Framework;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// The sync page read straight from the body's bytes gives exactly what the JSON-tree path gives (items, their sync
/// metadata, duplicates, null and bad records, escapes), and declines every answer the tree path must handle itself.
/// </summary>
public class SyncPageReaderTests
{
    private static readonly ModelMetadata Post = AmplifyModels.Schema.GetModel("Post");

    private const string Records = """
        [
          {"id":"a","title":"caf\u00e9 \"quoted\"","rating":5,"status":"ACTIVE","tags":["x",null],"createdAt":"2026-12-08T01:02:03.004Z","updatedAt":"2026-12-08T01:02:03.004Z","_version":3,"_lastChangedAt":1765155723004,"_deleted":null,"__typename":"Post"},
          null,
          {"id":"b","title":"gone","rating":null,"status":null,"tags":null,"createdAt":null,"updatedAt":null,"_version":7,"_lastChangedAt":1765155723999,"_deleted":true},
          {"id":"a","title":"second copy wins","rating":1,"status":"INACTIVE","tags":[],"createdAt":null,"updatedAt":null,"_version":4,"_lastChangedAt":1765155724000,"_deleted":false},
          {"id":"c","title":"bad rating","rating":"five","_version":1,"_lastChangedAt":1,"_deleted":null},
          {"id":"d","title":"t\u00e4","rating":2,"_vers\u0069on":9,"_lastChangedAt":2.5,"_deleted":false}
        ]
        """;

    [Test]
    public void An_error_free_page_reads_as_the_tree_path_reads_it()
    {
        var body = """{"data":{"syncPosts":{"items":""" + Records + ""","nextToken":"tok\u0065n","startedAt":1765155720000}},"extensions":{"x":1}}""";
        var bad = new List<string>();
        var page = SyncPageReader.TryRead(Encoding.UTF8.GetBytes(body), "syncPosts", Post, ex => bad.Add(ex.Message));
        Assert.That(page, Is.Not.Null);
        Assert.That(page!.NextToken, Is.EqualTo("token"));
        Assert.That(page.StartedAt, Is.EqualTo(1765155720000));
        Assert.That(bad, Has.Count.EqualTo(1), "the record whose rating is not an Int is reported and skipped");

        // The tree path: every non-null record through RemoteRecords.Read(JsonObject), last copy wins.
        var expected = new List<(object Item, bool Deleted, int Version, long ChangedAt)>();
        foreach (var node in JsonNode.Parse(Records)!.AsArray())
        {
            if (node is not JsonObject record) continue;
            Amplify.DataStore.Engine.RemoteChange change;
            try
            {
                change = RemoteRecords.Read(Post, record);
            }
            catch (ModelSerializationException)
            {
                continue;
            }
            var id = ((Post)change.Item).Id;
            var index = expected.FindIndex(e => ((Post)e.Item).Id == id);
            var entry = (change.Item, change.Deleted, change.Metadata!.Value.Version, change.Metadata.Value.LastChangedAtUnixMs);
            if (index >= 0) expected[index] = entry;
            else expected.Add(entry);
        }
        var actual = page.Changes.Select(c => (c.Item, c.Deleted, c.Metadata!.Value.Version, c.Metadata.Value.LastChangedAtUnixMs)).ToList();
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual.Select(a => ((Post)a.Item).Id), Is.EqualTo(new[] { "a", "b", "d" }));
        Assert.That(((Post)actual[0].Item).Title, Is.EqualTo("second copy wins"));
        Assert.That(actual[1].Deleted, Is.True);
        Assert.That(actual[2].Version, Is.EqualTo(9), "an escaped property name is matched unescaped");
        Assert.That(((Post)actual[2].Item).Title, Is.EqualTo("tä"));
    }

    [TestCase("""{"data":{"syncPosts":null},"errors":[{"message":"Not Authorized","errorType":"Unauthorized"}]}""", TestName = "Declines_a_page_with_errors")]
    [TestCase("""{"data":{"syncPosts":{"items":[],"nextToken":null,"startedAt":1}},"errors":[]}""", TestName = "Declines_an_empty_errors_list")]
    [TestCase("""{"data":{"syncPosts":null}}""", TestName = "Declines_a_missing_page")]
    [TestCase("""{"data":null}""", TestName = "Declines_null_data")]
    [TestCase("""{"data":{"syncPosts":{"items":{},"nextToken":null,"startedAt":1}}}""", TestName = "Declines_items_that_are_not_a_list")]
    [TestCase("""{"data":{"syncPosts":{"items":[],"nextToken":5,"startedAt":1}}}""", TestName = "Declines_a_nextToken_that_is_not_text")]
    [TestCase("""{"data":{"syncPosts":{"items":[],"nextToken":null,"startedAt":"1"}}}""", TestName = "Declines_a_startedAt_that_is_not_a_number")]
    [TestCase("""{"data":{"syncPosts":{"items":[{"id":"a"}""", TestName = "Declines_truncated_JSON")]
    [TestCase("""[1,2]""", TestName = "Declines_a_body_that_is_not_an_object")]
    [TestCase("""{"data":{"syncComments":{"items":[],"nextToken":null,"startedAt":1}}}""", TestName = "Declines_another_field")]
    public void Declines(string body)
    {
        Assert.That(SyncPageReader.TryRead(Encoding.UTF8.GetBytes(body), "syncPosts", Post, _ => Assert.Fail("no record to report")), Is.Null);
    }

    [Test]
    public void A_page_without_items_or_token_is_an_empty_last_page()
    {
        var page = SyncPageReader.TryRead("""{"data":{"syncPosts":{"items":null,"nextToken":null,"startedAt":null}}}"""u8.ToArray(), "syncPosts", Post, _ => { });
        Assert.That(page, Is.Not.Null);
        Assert.That(page!.Changes, Is.Empty);
        Assert.That(page.NextToken, Is.Null);
        Assert.That(page.StartedAt, Is.Null);
    }
}
