using System.Globalization;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>Byte counts as people write them in limits (<c>64 MiB</c>, <c>240 KiB</c>, <c>1000 bytes</c>), for error messages.</summary>
internal static class ByteSize
{
    /// <summary>Whole MiB or KiB when the count is one, else bytes (an exact figure beats a rounded one in an error).</summary>
    public static string Format(long bytes) => bytes switch
    {
        > 0 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        > 0 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
