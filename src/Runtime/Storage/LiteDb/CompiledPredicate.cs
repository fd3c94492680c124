using System;
using Amplify.DataStore.Predicates;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>A predicate split into a parameterized LiteDB filter and the part that must be evaluated in memory.</summary>
/// <param name="MatchesNothing">True when the compiled part is always false (no query is needed).</param>
/// <param name="Where">The BsonExpression source, e.g. <c>$.rating &gt; @0 AND $.status = @1</c>; null when nothing filters in LiteDB.</param>
/// <param name="Parameters">The values of <c>@0</c>, <c>@1</c>, … (never inlined, so LiteDB's expression cache stays small).</param>
/// <param name="Residual">The conjuncts LiteDB cannot evaluate with identical semantics, or null.</param>
internal sealed record CompiledPredicate(bool MatchesNothing, string? Where, BsonValue[] Parameters, PredicateNode? Residual)
{
    /// <summary>A predicate that matches nothing.</summary>
    public static CompiledPredicate Nothing { get; } = new(true, null, Array.Empty<BsonValue>(), null);

    /// <summary>True when LiteDB evaluates the whole predicate.</summary>
    public bool IsFullyCompiled => Residual is null;

    /// <summary>The filter as a LiteDB expression, or null.</summary>
    public BsonExpression? CreateWhere() => Where is null ? null : BsonExpression.Create(Where, Parameters);
}
