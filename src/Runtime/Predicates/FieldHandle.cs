using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Predicates;

/// <summary>
/// Base of the typed field handles the generated <c>Where</c> builders expose. Each subclass offers only the
/// operators that apply to its field type.
/// </summary>
/// <typeparam name="TRoot">The model the predicate is over.</typeparam>
public abstract class FieldHandle<TRoot>
    where TRoot : class, IModel<TRoot>
{
    /// <summary>Creates a handle for <paramref name="path"/>.</summary>
    protected FieldHandle(FieldPath path) => Path = path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>The field's path from <typeparamref name="TRoot"/>.</summary>
    public FieldPath Path { get; }

    /// <summary>Builds a one-operand condition.</summary>
    protected Predicate<TRoot> Condition(PredicateOperator op, FieldValue value)
        => new(new FieldCondition(Path, op, new[] { value }));

    /// <summary>Builds a condition with several operands.</summary>
    protected Predicate<TRoot> Condition(PredicateOperator op, IReadOnlyList<FieldValue> values)
        => new(new FieldCondition(Path, op, values));

    /// <summary>Converts operands of In/NotIn.</summary>
    protected static FieldValue[] ConvertAll<TValue>(ReadOnlySpan<TValue> values, Func<TValue, FieldValue> convert)
    {
        var result = new FieldValue[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = convert(values[i]);
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Path.ToString();
}
