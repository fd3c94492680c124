using System.Text.Json.Nodes;

namespace Amplify.DataStore.LocalBackend.Http;

/// <summary>The request-level error bodies AppSync answers before any resolver runs (no <c>data</c> key).</summary>
internal static class AppSyncHttpErrors
{
    public static JsonObject Body(string errorType, string message) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["errorType"] = errorType, ["message"] = message }),
    };
}
