namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>A clock whose "now" the test moves; timers still run on real time (only the full-sync schedule reads "now").</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
