namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>A <see cref="TimeProvider"/> whose time only moves when a test sets or advances it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    /// <summary>The time the clock reports.</summary>
    public DateTimeOffset Now
    {
        get => now;
        set => now = value;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => now += by;
}
