namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// What a document would make the server do, estimated before execution (fragments expanded, lists counted at their
/// page size). Counts are doubles so that fragment documents that expand to 2^40 fields cannot overflow.
/// </summary>
/// <param name="Cost">Selected fields, each once per item it may be resolved for.</param>
/// <param name="Resolvers">Root and relationship fields, each once per item it may be resolved for.</param>
/// <param name="Depth">The deepest field nesting.</param>
internal readonly record struct QueryCost(double Cost, double Resolvers, int Depth)
{
    public static QueryCost operator +(QueryCost a, QueryCost b) => new(a.Cost + b.Cost, a.Resolvers + b.Resolvers, System.Math.Max(a.Depth, b.Depth));

    /// <summary>This cost repeated for every one of <paramref name="items"/> (depth is unchanged).</summary>
    public QueryCost Times(double items) => new(Cost * items, Resolvers * items, Depth);
}
