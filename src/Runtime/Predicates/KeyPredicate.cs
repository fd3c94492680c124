using System.Collections.Generic;

namespace Amplify.DataStore.Predicates;

/// <summary>Builds "every key field equals its value" predicates for navigations, cascades and key lookups.</summary>
internal static class KeyPredicate
{
    /// <summary>The untyped tree: one Eq condition, or an AND of them for composite keys.</summary>
    public static PredicateNode Node(IReadOnlyList<string> fields, IReadOnlyList<FieldValue> values)
    {
        var conditions = new PredicateNode[fields.Count];
        for (int i = 0; i < conditions.Length; i++)
        {
            conditions[i] = new FieldCondition(FieldPath.Of(fields[i]), PredicateOperator.Eq, new[] { values[i] });
        }
        return conditions.Length == 1 ? conditions[0] : new PredicateGroup(GroupKind.And, conditions);
    }

    public static Predicate<T> Build<T>(IReadOnlyList<string> fields, IReadOnlyList<FieldValue> values)
        where T : class, IModel<T>
        => new(Node(fields, values));
}
