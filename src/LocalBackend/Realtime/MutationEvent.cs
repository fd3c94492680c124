using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>An accepted mutation, as subscriptions see it.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Mutation">The mutation field (<c>createPost</c>…), matched against <c>@aws_subscribe(mutations:)</c>.</param>
/// <param name="Item">The full stored item (filters and auth are checked on it).</param>
/// <param name="Payload">What subscribers receive: the item restricted to the fields the mutation selected.</param>
/// <param name="PublishedAt">When it was published (Stopwatch ticks), for latency figures.</param>
internal sealed record MutationEvent(
    string Model,
    string Mutation,
    IReadOnlyDictionary<string, object?> Item,
    IReadOnlyDictionary<string, object?> Payload,
    long PublishedAt);
