using System;
using System.Text;
using System.Text.Json;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The opaque <c>nextToken</c> of list and sync pages: where the next page starts, whether the sync reads the base or
/// the delta table, and the <c>startedAt</c> of the first page (AppSync echoes it on every page of one sync).
/// </summary>
internal sealed record PageToken(string Kind, string? AfterKey, long AfterSequence, long StartedAt)
{
    public const string Base = "base";
    public const string Delta = "delta";

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Kind, AfterKey ?? "", AfterSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), StartedAt.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

    /// <summary>Decodes a token, or throws an <see cref="AppSyncError"/> as AppSync does for a foreign token.</summary>
    public static PageToken Decode(string token)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            if (parts is { Length: 4 } && parts[0] is Base or Delta)
            {
                return new PageToken(parts[0], parts[1], long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException)
        {
        }
        throw new AppSyncError("InvalidNextTokenException", "The provided nextToken is not valid.");
    }
}
