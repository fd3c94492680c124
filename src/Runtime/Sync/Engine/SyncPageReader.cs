using System;
using System.Collections.Generic;
using System.Text.Json;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>One page of a sync query, its records already read into models (the last copy of a record in the page wins).</summary>
internal sealed record SyncPage(List<RemoteChange> Changes, string? NextToken, long? StartedAt);

/// <summary>
/// Reads a sync query's answer straight from its UTF-8 body: each record's bytes go to the model reader, with no JSON
/// tree in between. Only the common answer is taken this way, <c>{"data":{"syncX":{items, nextToken, startedAt}}}</c>
/// with no errors; anything else (errors, a missing page, malformed JSON) returns null and the answer is parsed as usual.
/// </summary>
internal static class SyncPageReader
{
    /// <summary>The page, or null when the body is not an error-free page (the caller then parses it as usual).</summary>
    /// <param name="body">The response body.</param>
    /// <param name="syncField">The query's field, e.g. <c>syncPosts</c>.</param>
    /// <param name="model">The model the records are read into.</param>
    /// <param name="badRecord">
    /// Told about each record that does not fit the model (skipped, as the tree path does), once the whole page has been
    /// read: a body declined part-way reports nothing here, the usual parse does.
    /// </param>
    public static SyncPage? TryRead(ReadOnlyMemory<byte> body, string syncField, ModelMetadata model, Action<ModelSerializationException> badRecord)
    {
        var bad = new List<ModelSerializationException>();
        SyncPage? page;
        try
        {
            page = Read(body, syncField, model, bad);
        }
        catch (JsonException)
        {
            return null; // the usual parse reports it
        }
        if (page is not null) foreach (var ex in bad) badRecord(ex);
        return page;
    }

    private static SyncPage? Read(ReadOnlyMemory<byte> body, string syncField, ModelMetadata model, List<ModelSerializationException> badRecord)
    {
        var json = new Utf8JsonReader(body.Span);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return null;
        SyncPage? page = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("errors"u8))
            {
                json.Read();
                if (json.TokenType != JsonTokenType.Null) return null; // errors (even an empty list): the usual path decides
            }
            else if (json.ValueTextEquals("data"u8))
            {
                json.Read();
                if (json.TokenType != JsonTokenType.StartObject) return null;
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    if (json.ValueTextEquals(syncField))
                    {
                        json.Read();
                        if (json.TokenType != JsonTokenType.StartObject || page is not null) return null;
                        page = ReadPage(ref json, body, model, badRecord);
                        if (page is null) return null;
                    }
                    else
                    {
                        json.Read();
                        json.Skip();
                    }
                }
            }
            else
            {
                json.Read();
                json.Skip(); // extensions
            }
        }
        return page;
    }

    // At the page object's StartObject; ends at its EndObject.
    private static SyncPage? ReadPage(ref Utf8JsonReader json, ReadOnlyMemory<byte> body, ModelMetadata model, List<ModelSerializationException> badRecord)
    {
        PageChanges? changes = null;
        string? nextToken = null;
        long? startedAt = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("items"u8))
            {
                json.Read();
                if (json.TokenType == JsonTokenType.Null) continue;
                if (json.TokenType != JsonTokenType.StartArray) return null;
                changes = new PageChanges(model);
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (json.TokenType == JsonTokenType.Null) continue; // a record the caller may not read
                    if (json.TokenType != JsonTokenType.StartObject)
                    {
                        json.Skip();
                        continue; // not a record (the tree path skips it too)
                    }
                    var start = (int)json.TokenStartIndex;
                    json.Skip();
                    var record = body.Slice(start, (int)json.BytesConsumed - start);
                    RemoteChange change;
                    try
                    {
                        change = RemoteRecords.Read(model, record);
                    }
                    catch (ModelSerializationException ex)
                    {
                        badRecord.Add(ex);
                        continue;
                    }
                    changes.Add(change);
                }
            }
            else if (json.ValueTextEquals("nextToken"u8))
            {
                json.Read();
                if (json.TokenType == JsonTokenType.String) nextToken = json.GetString();
                else if (json.TokenType != JsonTokenType.Null) return null;
            }
            else if (json.ValueTextEquals("startedAt"u8))
            {
                json.Read();
                if (json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var at)) startedAt = at;
                else if (json.TokenType != JsonTokenType.Null) return null;
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }
        return new SyncPage(changes?.Changes ?? new List<RemoteChange>(), nextToken, startedAt);
    }
}
