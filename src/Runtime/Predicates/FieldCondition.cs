using System;
using System.Collections.Generic;
using System.Linq;

namespace Amplify.DataStore.Predicates;

/// <summary>One comparison: <c>field operator value(s)</c>.</summary>
public sealed class FieldCondition : PredicateNode, IEquatable<FieldCondition>
{
    /// <summary>Creates a condition.</summary>
    public FieldCondition(FieldPath field, PredicateOperator @operator, IReadOnlyList<FieldValue> values)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Operator = @operator;
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <summary>The field compared.</summary>
    public FieldPath Field { get; }

    /// <summary>The comparison.</summary>
    public PredicateOperator Operator { get; }

    /// <summary>The operand(s): one, two for <see cref="PredicateOperator.Between"/>, any number for In/NotIn.</summary>
    public IReadOnlyList<FieldValue> Values { get; }

    /// <summary>The single operand (first of <see cref="Values"/>).</summary>
    public FieldValue Value => Values.Count > 0 ? Values[0] : FieldValue.Null;

    /// <inheritdoc/>
    public bool Equals(FieldCondition? other)
        => other is not null && Field.Equals(other.Field) && Operator == other.Operator && Values.SequenceEqual(other.Values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FieldCondition);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Operator, Values.Count);

    /// <inheritdoc/>
    public override string ToString() => Values.Count == 1
        ? $"{Field} {Operator} {Values[0]}"
        : $"{Field} {Operator} ({string.Join(", ", Values)})";
}
