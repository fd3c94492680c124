using System;
using System.Runtime.CompilerServices;

namespace Amplify.DataStore.Predicates;

/// <summary>An ordered field: numbers (Int, Float, AWSTimestamp) and dates (AWSDate, AWSTime, AWSDateTime).</summary>
/// <typeparam name="TRoot">The model the predicate is over.</typeparam>
/// <typeparam name="TValue">The field's CLR type.</typeparam>
public sealed class ComparableField<TRoot, TValue> : FieldHandle<TRoot>
    where TRoot : class, IModel<TRoot>
    where TValue : struct
{
    private readonly Func<TValue, FieldValue> _convert;

    /// <summary>Creates the handle with the value conversion the generator chose for the field's scalar.</summary>
    public ComparableField(FieldPath path, Func<TValue, FieldValue> convert) : base(path)
        => _convert = convert ?? throw new ArgumentNullException(nameof(convert));

    private FieldValue Convert(TValue? value) => value is { } v ? _convert(v) : FieldValue.Null;

    /// <summary>Equal (null matches a missing value).</summary>
    public Predicate<TRoot> Eq(TValue? value) => Condition(PredicateOperator.Eq, Convert(value));

    /// <summary>Not equal.</summary>
    public Predicate<TRoot> Ne(TValue? value) => Condition(PredicateOperator.Ne, Convert(value));

    /// <summary>Less than or equal.</summary>
    public Predicate<TRoot> Le(TValue value) => Condition(PredicateOperator.Le, _convert(value));

    /// <summary>Less than.</summary>
    public Predicate<TRoot> Lt(TValue value) => Condition(PredicateOperator.Lt, _convert(value));

    /// <summary>Greater than or equal.</summary>
    public Predicate<TRoot> Ge(TValue value) => Condition(PredicateOperator.Ge, _convert(value));

    /// <summary>Greater than.</summary>
    public Predicate<TRoot> Gt(TValue value) => Condition(PredicateOperator.Gt, _convert(value));

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, inclusive.</summary>
    public Predicate<TRoot> Between(TValue low, TValue high)
        => Condition(PredicateOperator.Between, new[] { _convert(low), _convert(high) });

    /// <summary>Equal to any of the values.</summary>
#if NET9_0_OR_GREATER
    [OverloadResolutionPriority(1)] // C# 13 and later: this one, without allocating an array.
#endif
    public Predicate<TRoot> In(params ReadOnlySpan<TValue> values) => Condition(PredicateOperator.In, ConvertAll(values, _convert));

    /// <summary>Equal to any of the values (the overload C# 12 and older call: they do not treat <c>params ReadOnlySpan</c> as params).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Predicate<TRoot> In(params TValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Condition(PredicateOperator.In, ConvertAll(new ReadOnlySpan<TValue>(values), _convert));
    }

    /// <summary>Equal to none of the values.</summary>
#if NET9_0_OR_GREATER
    [OverloadResolutionPriority(1)] // C# 13 and later: this one, without allocating an array.
#endif
    public Predicate<TRoot> NotIn(params ReadOnlySpan<TValue> values) => Condition(PredicateOperator.NotIn, ConvertAll(values, _convert));

    /// <summary>Equal to none of the values (the overload C# 12 and older call: they do not treat <c>params ReadOnlySpan</c> as params).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Predicate<TRoot> NotIn(params TValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Condition(PredicateOperator.NotIn, ConvertAll(new ReadOnlySpan<TValue>(values), _convert));
    }
}
