namespace Amplify.DataStore.Predicates;

/// <summary>The predicate that matches every item (<c>Predicate&lt;T&gt;.All</c>).</summary>
public sealed class MatchAll : PredicateNode
{
    /// <summary>The single instance.</summary>
    public static MatchAll Instance { get; } = new();

    private MatchAll()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => "all";
}
