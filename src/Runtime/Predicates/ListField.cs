using System;

namespace Amplify.DataStore.Predicates;

/// <summary>A list field: element containment only.</summary>
/// <typeparam name="TRoot">The model the predicate is over.</typeparam>
/// <typeparam name="TElement">The element's CLR type (non-nullable form).</typeparam>
public sealed class ListField<TRoot, TElement> : FieldHandle<TRoot>
    where TRoot : class, IModel<TRoot>
{
    private readonly Func<TElement, FieldValue> _convert;

    /// <summary>Creates the handle with the element conversion.</summary>
    public ListField(FieldPath path, Func<TElement, FieldValue> convert) : base(path)
        => _convert = convert ?? throw new ArgumentNullException(nameof(convert));

    /// <summary>The list contains <paramref name="element"/>.</summary>
    public Predicate<TRoot> Contains(TElement element) => Condition(PredicateOperator.Contains, _convert(element));

    /// <summary>The list does not contain <paramref name="element"/>.</summary>
    public Predicate<TRoot> NotContains(TElement element) => Condition(PredicateOperator.NotContains, _convert(element));
}
