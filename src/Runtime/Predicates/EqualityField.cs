using System;

namespace Amplify.DataStore.Predicates;

/// <summary>A field that only supports equality: Boolean and enums.</summary>
/// <typeparam name="TRoot">The model the predicate is over.</typeparam>
/// <typeparam name="TValue">The field's CLR type (<see cref="bool"/> or a generated enum).</typeparam>
public sealed class EqualityField<TRoot, TValue> : FieldHandle<TRoot>
    where TRoot : class, IModel<TRoot>
    where TValue : struct
{
    private readonly Func<TValue, FieldValue> _convert;

    /// <summary>Creates the handle; enums convert to their GraphQL wire names.</summary>
    public EqualityField(FieldPath path, Func<TValue, FieldValue> convert) : base(path)
        => _convert = convert ?? throw new ArgumentNullException(nameof(convert));

    private FieldValue Convert(TValue? value) => value is { } v ? _convert(v) : FieldValue.Null;

    /// <summary>Equal (null matches a missing value).</summary>
    public Predicate<TRoot> Eq(TValue? value) => Condition(PredicateOperator.Eq, Convert(value));

    /// <summary>Not equal.</summary>
    public Predicate<TRoot> Ne(TValue? value) => Condition(PredicateOperator.Ne, Convert(value));

    /// <summary>Equal to any of the values.</summary>
    public Predicate<TRoot> In(params ReadOnlySpan<TValue> values) => Condition(PredicateOperator.In, ConvertAll(values, _convert));

    /// <summary>Equal to none of the values.</summary>
    public Predicate<TRoot> NotIn(params ReadOnlySpan<TValue> values) => Condition(PredicateOperator.NotIn, ConvertAll(values, _convert));
}
