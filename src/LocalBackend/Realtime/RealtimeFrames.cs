using System.Text.Json.Nodes;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>The server-to-client frames of AppSync's realtime dialect (reference §4.4).</summary>
internal static class RealtimeFrames
{
    public static string ConnectionAck(long connectionTimeoutMs)
        => new JsonObject { ["type"] = "connection_ack", ["payload"] = new JsonObject { ["connectionTimeoutMs"] = connectionTimeoutMs } }.ToJsonString();

    public static string KeepAlive() => "{\"type\":\"ka\"}";

    public static string StartAck(string id) => new JsonObject { ["type"] = "start_ack", ["id"] = id }.ToJsonString();

    public static string Complete(string id) => new JsonObject { ["type"] = "complete", ["id"] = id }.ToJsonString();

    /// <summary>The start of a <c>data</c> frame up to its payload (the caller appends the payload and a closing brace).</summary>
    public static string DataPrefix(string id) => "{\"type\":\"data\",\"id\":" + JsonValue.Create(id).ToJsonString() + ",\"payload\":";

    /// <summary>An <c>error</c> frame for one operation (or, with a null id, for a frame that could not be read).</summary>
    public static string Error(string? id, string? errorType, string message)
    {
        var error = new JsonObject();
        if (errorType is not null) error["errorType"] = errorType;
        error["message"] = message;
        return Error(id, new JsonArray(error));
    }

    public static string Error(string? id, JsonArray errors)
    {
        var frame = new JsonObject { ["type"] = "error" };
        if (id is not null) frame["id"] = id;
        frame["payload"] = new JsonObject { ["errors"] = errors };
        return frame.ToJsonString();
    }

    /// <summary>A <c>connection_error</c> frame; the server closes the socket after it.</summary>
    public static string ConnectionError(string? errorType, string message, int errorCode)
    {
        var error = new JsonObject();
        if (errorType is not null) error["errorType"] = errorType;
        error["message"] = message;
        error["errorCode"] = errorCode;
        return new JsonObject { ["type"] = "connection_error", ["payload"] = new JsonObject { ["errors"] = new JsonArray(error) } }.ToJsonString();
    }
}
