using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The opaque <c>nextToken</c> of a key query (index queries, <c>listX</c> with a partition key, hasMany connections
/// with a sort key): the sort-key value and base-table key of the last item evaluated, where the next page resumes.
/// </summary>
internal sealed record KeyQueryToken(object? SortValue, string BaseKey)
{
    private const string Kind = "key";

    public string Encode()
    {
        string sort = SortValue switch
        {
            null => "",
            double d => "n" + d.ToString("R", CultureInfo.InvariantCulture),
            var s => "s" + (string)s,
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Kind, sort, BaseKey })));
    }

    /// <summary>Decodes a token, or throws AppSync's <c>InvalidNextTokenException</c> for a foreign one.</summary>
    public static KeyQueryToken Decode(string token)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            if (parts is { Length: 3 } && parts[0] == Kind && parts[2] is not null && parts[1] is { } sort)
            {
                object? value = sort.Length == 0 ? null
                    : sort[0] == 'n' ? double.Parse(sort.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture)
                    : sort[0] == 's' ? sort[1..]
                    : throw new FormatException();
                return new KeyQueryToken(value, parts[2]);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException or ArgumentException)
        {
        }
        throw new AppSyncError("InvalidNextTokenException", "The provided nextToken is not valid.");
    }
}
