using System.Diagnostics;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// Paces one direction of one connection to a byte rate: each send waits until the bytes sent before it would have taken
/// that long at the rate. Not thread-safe (one pump owns it).
/// </summary>
internal sealed class BandwidthPacer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _nextSendAt = TimeSpan.Zero;

    /// <summary>The largest slice to send at once at <paramref name="bytesPerSecond"/>, so a big chunk is spread over time rather than sent in one burst.</summary>
    public static int SliceSize(long bytesPerSecond) => (int)Math.Clamp(bytesPerSecond / 20, 1, int.MaxValue);

    /// <summary>Waits until <paramref name="bytes"/> more may go out at <paramref name="bytesPerSecond"/> (no wait when it is 0: no cap).</summary>
    public async Task WaitToSendAsync(int bytes, long bytesPerSecond, CancellationToken cancellationToken)
    {
        if (bytesPerSecond <= 0) return;
        var now = _clock.Elapsed;
        if (_nextSendAt < now) _nextSendAt = now; // an idle link does not save up credit for a burst
        var wait = _nextSendAt - now;
        _nextSendAt += TimeSpan.FromSeconds((double)bytes / bytesPerSecond);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}
