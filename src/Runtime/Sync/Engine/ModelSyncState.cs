using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// What the engine remembers per model between runs (amplify-js's <c>ModelMetadata</c>): the server's <c>startedAt</c> of
/// the last completed sync (the next delta sync's <c>lastSync</c>), of the last completed base sync, and the sync
/// expression that run used (a different one forces a base sync and a purge).
/// </summary>
internal sealed record ModelSyncState(long? LastSync, long? LastFullSync, string? Expression)
{
    public static ModelSyncState Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || JsonNode.Parse(text) is not JsonObject json) return new ModelSyncState(null, null, null);
        return new ModelSyncState(
            json["lastSync"]?.GetValue<long>(),
            json["lastFullSync"]?.GetValue<long>(),
            json["expression"]?.GetValue<string>());
    }

    public string ToText() => new JsonObject
    {
        ["lastSync"] = LastSync,
        ["lastFullSync"] = LastFullSync,
        ["expression"] = Expression,
    }.ToJsonString();
}
