using System;
using System.Runtime.CompilerServices;

namespace Amplify.DataStore.Predicates;

/// <summary>A string-like field (ID, String, AWSEmail, AWSURL, AWSPhone, AWSIPAddress).</summary>
/// <typeparam name="TRoot">The model the predicate is over.</typeparam>
public sealed class StringField<TRoot> : FieldHandle<TRoot>
    where TRoot : class, IModel<TRoot>
{
    /// <summary>Creates the handle.</summary>
    public StringField(FieldPath path) : base(path)
    {
    }

    /// <summary>Equal to <paramref name="value"/> (null matches a missing value).</summary>
    public Predicate<TRoot> Eq(string? value) => Condition(PredicateOperator.Eq, FieldValue.From(value));

    /// <summary>Not equal to <paramref name="value"/>.</summary>
    public Predicate<TRoot> Ne(string? value) => Condition(PredicateOperator.Ne, FieldValue.From(value));

    /// <summary>Ordinally less than or equal.</summary>
    public Predicate<TRoot> Le(string value) => Condition(PredicateOperator.Le, FieldValue.From(value));

    /// <summary>Ordinally less than.</summary>
    public Predicate<TRoot> Lt(string value) => Condition(PredicateOperator.Lt, FieldValue.From(value));

    /// <summary>Ordinally greater than or equal.</summary>
    public Predicate<TRoot> Ge(string value) => Condition(PredicateOperator.Ge, FieldValue.From(value));

    /// <summary>Ordinally greater than.</summary>
    public Predicate<TRoot> Gt(string value) => Condition(PredicateOperator.Gt, FieldValue.From(value));

    /// <summary>Contains the substring.</summary>
    public Predicate<TRoot> Contains(string value) => Condition(PredicateOperator.Contains, FieldValue.From(value));

    /// <summary>Does not contain the substring.</summary>
    public Predicate<TRoot> NotContains(string value) => Condition(PredicateOperator.NotContains, FieldValue.From(value));

    /// <summary>Starts with the prefix.</summary>
    public Predicate<TRoot> BeginsWith(string value) => Condition(PredicateOperator.BeginsWith, FieldValue.From(value));

    /// <summary>Ordinally between <paramref name="low"/> and <paramref name="high"/>, inclusive.</summary>
    public Predicate<TRoot> Between(string low, string high)
        => Condition(PredicateOperator.Between, new[] { FieldValue.From(low), FieldValue.From(high) });

    /// <summary>Equal to any of the values.</summary>
#if NET9_0_OR_GREATER
    [OverloadResolutionPriority(1)] // C# 13 and later: this one, without allocating an array.
#endif
    public Predicate<TRoot> In(params ReadOnlySpan<string?> values) => Condition(PredicateOperator.In, ConvertAll(values, FieldValue.From));

    /// <summary>Equal to any of the values (the overload C# 12 and older call: they do not treat <c>params ReadOnlySpan</c> as params).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Predicate<TRoot> In(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Condition(PredicateOperator.In, ConvertAll(new ReadOnlySpan<string?>(values), FieldValue.From));
    }

    /// <summary>Equal to none of the values.</summary>
#if NET9_0_OR_GREATER
    [OverloadResolutionPriority(1)] // C# 13 and later: this one, without allocating an array.
#endif
    public Predicate<TRoot> NotIn(params ReadOnlySpan<string?> values) => Condition(PredicateOperator.NotIn, ConvertAll(values, FieldValue.From));

    /// <summary>Equal to none of the values (the overload C# 12 and older call: they do not treat <c>params ReadOnlySpan</c> as params).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Predicate<TRoot> NotIn(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Condition(PredicateOperator.NotIn, ConvertAll(new ReadOnlySpan<string?>(values), FieldValue.From));
    }
}
