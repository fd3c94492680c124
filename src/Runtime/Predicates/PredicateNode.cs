namespace Amplify.DataStore.Predicates;

/// <summary>
/// A node of an untyped predicate tree. The storage and sync engines work on these; users build them through
/// the typed <see cref="Predicate{T}"/> API.
/// </summary>
public abstract class PredicateNode
{
    private protected PredicateNode()
    {
    }
}
