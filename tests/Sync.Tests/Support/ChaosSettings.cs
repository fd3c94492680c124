namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// The randomized faults of <see cref="FaultProxy.ChaosMode"/>. Every connection draws from its own generators, seeded
/// from <see cref="Seed"/> and the connection's number (accept order), so a run repeats its decisions as far as clients
/// connect in the same order and the operating system splits the bytes into the same chunks.
/// </summary>
/// <param name="Seed">Makes the run repeatable.</param>
/// <param name="DropProbabilityPerChunk">Chance that a chunk, instead of being forwarded, resets its connection.</param>
/// <param name="RefuseProbabilityPerConnection">Chance that a new connection is reset as soon as it is accepted.</param>
/// <param name="MaxExtraLatencyPerChunk">Each forwarded chunk waits a random time up to this.</param>
internal sealed record ChaosSettings(int Seed, double DropProbabilityPerChunk, double RefuseProbabilityPerConnection, TimeSpan MaxExtraLatencyPerChunk)
{
    /// <summary>The generator for one connection's decisions in one role (0: accepting it, 1: upstream, 2: downstream).</summary>
    public Random RandomFor(long connectionNumber, int role)
        // Not HashCode.Combine: it is salted per process, which would make runs unrepeatable.
        => new(unchecked(Seed * 1_000_003 + (int)connectionNumber * 31 + role));

    /// <summary>A random delay up to <see cref="MaxExtraLatencyPerChunk"/>.</summary>
    public TimeSpan ExtraLatency(Random random)
        => MaxExtraLatencyPerChunk <= TimeSpan.Zero ? TimeSpan.Zero : MaxExtraLatencyPerChunk * random.NextDouble();
}
