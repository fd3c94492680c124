using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>Terse untyped predicate construction for storage tests.</summary>
internal static class P
{
    public static FieldCondition C(string field, PredicateOperator op, params FieldValue[] values) => new(FieldPath.Of(field), op, values);

    public static PredicateGroup And(params PredicateNode[] children) => new(GroupKind.And, children);

    public static PredicateGroup Or(params PredicateNode[] children) => new(GroupKind.Or, children);

    public static PredicateGroup Not(PredicateNode child) => new(GroupKind.Not, [child]);

    public static FieldValue S(string? value) => FieldValue.From(value);

    public static FieldValue I(long value) => FieldValue.From(value);

    public static FieldValue F(double value) => FieldValue.From(value);

    public static FieldValue B(bool value) => FieldValue.From(value);

    public static FieldValue Date(string text) => FieldValue.From(AwsDate.Parse(text));

    public static FieldValue Time(string text) => FieldValue.From(AwsTime.Parse(text));

    public static FieldValue DateTime(string text) => FieldValue.From(AwsDateTime.Parse(text));

    public static FieldValue List(params FieldValue[] items) => FieldValue.FromList(items);

    public static FieldValue Null => FieldValue.Null;
}
