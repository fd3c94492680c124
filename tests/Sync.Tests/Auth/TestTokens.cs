using System.Text;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>Unsigned JWTs for tests: the client reads claims only, so the signature part is a placeholder.</summary>
internal static class TestTokens
{
    public static string Jwt(JsonObject payload) => Jwt(payload.ToJsonString());

    public static string Jwt(string payloadJson)
        => Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + Base64Url(payloadJson) + ".c2lnbmF0dXJl";

    public static string Base64Url(string text)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
