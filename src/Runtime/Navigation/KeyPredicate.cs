using System.Collections.Generic;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore;

/// <summary>Builds "every key field equals its value" predicates for navigations and key lookups.</summary>
internal static class KeyPredicate
{
    public static Predicate<T> Build<T>(IReadOnlyList<string> fields, IReadOnlyList<FieldValue> values)
        where T : class, IModel<T>
    {
        var conditions = new Predicate<T>[fields.Count];
        for (int i = 0; i < conditions.Length; i++)
        {
            conditions[i] = new(new FieldCondition(FieldPath.Of(fields[i]), PredicateOperator.Eq, new[] { values[i] }));
        }
        return conditions.Length == 1 ? conditions[0] : Predicate.And(conditions);
    }
}
