using System;
using System.Runtime.CompilerServices;

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
