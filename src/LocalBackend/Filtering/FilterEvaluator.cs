using System;
using System.Collections.Generic;
using System.Linq;

namespace Amplify.DataStore.LocalBackend.Filtering;

/// <summary>
/// Evaluates AppSync model filters, conditions and subscription filters (<c>ModelXFilterInput</c>,
/// <c>ModelXConditionInput</c>, <c>ModelSubscriptionXFilterInput</c>) against a stored item, the way AppSync's
/// DynamoDB filter and condition expressions do.
/// </summary>
/// <remarks>
/// <para>
/// Items map attribute names to null, string, long, double, bool, lists or maps; a key that is absent is an
/// attribute that does not exist, a key holding null is a <c>NULL</c> attribute. Filters arrive as GraphQL.NET
/// hands over parsed input objects: each key is a field name mapped to an operator object (<c>{"eq": 1, "gt": 0}</c>),
/// or one of <c>and</c> (list of filters), <c>or</c> (list of filters), <c>not</c> (a filter).
/// </para>
/// <para>
/// Documented (AppSync/DynamoDB): the keys of a filter and the operators of a field are ANDed; <c>and</c>, <c>or</c>,
/// <c>not</c> are the logical operators; <c>le lt ge gt between</c> order numbers numerically and strings by code
/// point (DynamoDB compares UTF-8 bytes); <c>beginsWith</c> is a string prefix; <c>contains</c> is a substring of a
/// string or an element of a list; <c>attributeExists</c> tests presence; <c>attributeType</c> tests the DynamoDB
/// type; <c>size</c> is a string's length or a list's or map's count; a comparison with a missing attribute is false,
/// and its negation (<c>ne</c>, <c>notContains</c>, <c>notIn</c>) therefore true.
/// </para>
/// <para>
/// Inferred (AppSync documents DynamoDB semantics only loosely, so these are this evaluator's choices):
/// a null filter, a null operator object, or a null entry in <c>and</c>/<c>or</c> imposes no constraint, and an empty
/// <c>and</c> or <c>or</c> list imposes none either (rather than <c>or: []</c> matching nothing);
/// <c>eq: null</c> matches a missing or <c>NULL</c> attribute and <c>ne</c> is always the exact negation of <c>eq</c>
/// (so <c>ne: null</c> matches a present non-null value); equality is deep for lists and maps; values of different
/// kinds are never equal and never ordered, and booleans, lists and maps are never ordered (so <c>gt</c> on them is
/// false); <c>between</c> with the low bound above the high one matches nothing; <c>in</c> never matches a missing
/// attribute, and <c>notIn</c>/<c>notContains</c> are the exact negations of <c>in</c>/<c>contains</c>;
/// <c>attributeExists: true</c> holds for a key present with null; <c>attributeType</c> names without an item
/// counterpart (<c>binary</c>, <c>binarySet</c>, <c>numberSet</c>, <c>stringSet</c>) are accepted and never match;
/// <c>size</c> counts UTF-16 code units of a string, and every <c>size</c> operator, <c>ne</c> included, is false for
/// an attribute that has no size (missing, null, number, boolean).
/// </para>
/// <para>
/// Every part of a filter is evaluated (no short-circuit), so a malformed part is reported even when an earlier part
/// already decided the result. Unknown operators and malformed operands (<c>between</c> without exactly 2 values,
/// <c>in</c>/<c>notIn</c> without a list, <c>attributeExists</c> without a boolean, <c>attributeType</c> without a
/// known type name, <c>size</c> without an operator object, a list or object given to <c>le lt ge gt beginsWith</c>,
/// <c>and</c>/<c>or</c> without a list of filters, <c>not</c> without a filter) throw <see cref="FilterException"/>.
/// </para>
/// </remarks>
internal static class FilterEvaluator
{
    private const string And = "and";
    private const string Or = "or";
    private const string Not = "not";

    private static readonly HashSet<string> AttributeTypeNames = new(StringComparer.Ordinal)
    {
        "binary", "binarySet", "bool", "list", "map", "number", "numberSet", "string", "stringSet", "_null",
    };

    /// <summary>Whether <paramref name="item"/> satisfies <paramref name="filter"/>; a null filter matches every item.</summary>
    /// <exception cref="FilterException">The filter has an unknown operator or a malformed operand.</exception>
    public static bool Matches(IReadOnlyDictionary<string, object?> item, IReadOnlyDictionary<string, object?>? filter)
    {
        ArgumentNullException.ThrowIfNull(item);
        return filter == null || MatchesFilter(item, filter);
    }

    private static bool MatchesFilter(IReadOnlyDictionary<string, object?> item, IReadOnlyDictionary<string, object?> filter)
    {
        bool result = true;
        foreach (KeyValuePair<string, object?> entry in filter)
        {
            bool matched = entry.Key switch
            {
                And => MatchesAll(item, entry.Value),
                Or => MatchesAny(item, entry.Value),
                Not => MatchesNot(item, entry.Value),
                _ => MatchesField(item, entry.Key, entry.Value),
            };
            result &= matched; // & not &&: evaluate (and so validate) every part
        }

        return result;
    }

    private static bool MatchesAll(IReadOnlyDictionary<string, object?> item, object? filters)
    {
        bool result = true;
        foreach (IReadOnlyDictionary<string, object?>? filter in SubFilters(And, filters))
            result &= filter == null || MatchesFilter(item, filter);
        return result;
    }

    private static bool MatchesAny(IReadOnlyDictionary<string, object?> item, object? filters)
    {
        if (filters == null)
            return true;
        bool any = false;
        bool empty = true;
        foreach (IReadOnlyDictionary<string, object?>? filter in SubFilters(Or, filters))
        {
            empty = false;
            any |= filter == null || MatchesFilter(item, filter);
        }

        return empty || any;
    }

    private static bool MatchesNot(IReadOnlyDictionary<string, object?> item, object? filter) => filter switch
    {
        null => true,
        _ when FilterValues.KindOf(filter) == FilterValueKind.Map => !MatchesFilter(item, FilterValues.AsMap(filter)),
        _ => throw new FilterException(Not, "expected a filter object"),
    };

    private static IEnumerable<IReadOnlyDictionary<string, object?>?> SubFilters(string key, object? filters)
    {
        if (filters == null)
            yield break;
        if (FilterValues.KindOf(filters) != FilterValueKind.List)
            throw new FilterException(key, "expected a list of filters");
        foreach (object? filter in FilterValues.AsList(filters))
        {
            yield return FilterValues.KindOf(filter) switch
            {
                FilterValueKind.Null => null,
                FilterValueKind.Map => FilterValues.AsMap(filter!),
                _ => throw new FilterException(key, "expected a list of filters"),
            };
        }
    }

    private static bool MatchesField(IReadOnlyDictionary<string, object?> item, string field, object? operators)
    {
        if (operators == null)
            return true;
        if (FilterValues.KindOf(operators) != FilterValueKind.Map)
            throw new FilterException(field, "expected an operator object such as {\"eq\": ...}");

        bool exists = item.TryGetValue(field, out object? actual);
        bool result = true;
        foreach (KeyValuePair<string, object?> entry in FilterValues.AsMap(operators))
            result &= Evaluate(field, entry.Key, entry.Value, exists, actual);
        return result;
    }

    private static bool Evaluate(string field, string op, object? operand, bool exists, object? actual)
    {
        switch (op)
        {
            case "attributeExists":
                return operand is bool wanted ? exists == wanted : throw new FilterException(field, "'attributeExists' needs true or false");
            case "attributeType":
                string wantedType = AttributeTypeName(field, operand); // validated even when the attribute is missing
                return exists && FilterValues.AttributeTypeOf(actual) == wantedType;
            case "size":
                return MatchesSize(field, operand, exists ? FilterValues.SizeOf(actual) : null);
            case "contains":
                return Contains(exists, actual, operand);
            case "notContains":
                return !Contains(exists, actual, operand);
            case "in":
                return In(field, op, exists, actual, operand);
            case "notIn":
                return !In(field, op, exists, actual, operand);
            case "beginsWith":
                RequireSingleValue(field, op, operand);
                return exists && actual is string text && operand is string prefix && text.StartsWith(prefix, StringComparison.Ordinal);
            default:
                return Compare(field, op, operand, exists, actual)
                    ?? throw new FilterException(field, $"unknown operator '{op}'");
        }
    }

    // The operators shared by fields and size (eq ne le lt ge gt between); null when op is not one of them.
    private static bool? Compare(string field, string op, object? operand, bool exists, object? actual)
    {
        switch (op)
        {
            case "eq":
                return exists ? FilterValues.AreEqual(actual, operand) : operand == null;
            case "ne":
                return !(exists ? FilterValues.AreEqual(actual, operand) : operand == null);
            case "lt":
            case "le":
            case "gt":
            case "ge":
                RequireSingleValue(field, op, operand);
                return exists && FilterValues.Compare(actual, operand) is int order && op switch
                {
                    "lt" => order < 0,
                    "le" => order <= 0,
                    "gt" => order > 0,
                    _ => order >= 0,
                };
            case "between":
                IReadOnlyList<object?> bounds = FilterValues.KindOf(operand) == FilterValueKind.List ? FilterValues.AsList(operand!) : [];
                if (bounds.Count != 2)
                    throw new FilterException(field, "'between' needs exactly 2 values");
                RequireSingleValue(field, op, bounds[0]);
                RequireSingleValue(field, op, bounds[1]);
                return exists
                    && FilterValues.Compare(bounds[0], actual) is <= 0
                    && FilterValues.Compare(actual, bounds[1]) is <= 0;
            default:
                return null;
        }
    }

    private static bool MatchesSize(string field, object? operators, long? size)
    {
        if (FilterValues.KindOf(operators) != FilterValueKind.Map)
            throw new FilterException(field, "'size' needs an operator object such as {\"gt\": 3}");

        bool result = true;
        foreach (KeyValuePair<string, object?> entry in FilterValues.AsMap(operators!))
        {
            bool? matched = Compare(field, entry.Key, entry.Value, size.HasValue, size);
            if (matched == null)
                throw new FilterException(field, $"unknown size operator '{entry.Key}'");
            result &= size.HasValue && matched.Value; // no size: false, ne included
        }

        return result;
    }

    private static bool Contains(bool exists, object? actual, object? operand)
    {
        if (!exists)
            return false;
        return FilterValues.KindOf(actual) switch
        {
            FilterValueKind.String => operand is string part && ((string)actual!).Contains(part, StringComparison.Ordinal),
            FilterValueKind.List => FilterValues.AsList(actual!).Any(element => FilterValues.AreEqual(element, operand)),
            _ => false,
        };
    }

    private static bool In(string field, string op, bool exists, object? actual, object? operand)
    {
        if (FilterValues.KindOf(operand) != FilterValueKind.List)
            throw new FilterException(field, $"'{op}' needs a list of values");
        bool found = false;
        foreach (object? candidate in FilterValues.AsList(operand!))
            found |= FilterValues.AreEqual(actual, candidate);
        return exists && found;
    }

    private static string AttributeTypeName(string field, object? operand)
    {
        // An enum input may reach us as a CLR enum rather than its name, depending on how the schema maps it.
        string? name = operand switch
        {
            string text => text,
            Enum value => value.ToString(),
            _ => null,
        };
        return name != null && AttributeTypeNames.Contains(name)
            ? name
            : throw new FilterException(field, "'attributeType' needs one of binary, binarySet, bool, list, map, number, numberSet, string, stringSet, _null");
    }

    private static void RequireSingleValue(string field, string op, object? operand)
    {
        if (FilterValues.KindOf(operand) is FilterValueKind.List or FilterValueKind.Map)
            throw new FilterException(field, $"'{op}' needs a single value, not a list or object");
    }
}
