using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Writes a write condition as the JSON of AppSync's <c>Model{Name}ConditionInput</c>, the <c>condition</c> argument of
/// <c>updateX</c>/<c>deleteX</c>. The shape follows amplify-js (<c>predicateToGraphQLCondition</c> and
/// <c>predicateToGraphQLFilter</c> in <c>packages/datastore/src/sync/utils.ts</c>): a comparison is
/// <c>{"field":{"op":value}}</c>, groups are <c>{"and":[…]}</c>, <c>{"or":[…]}</c>, <c>{"not":{…}}</c>, the root is an
/// <c>and</c> group (replaced by its only child when that child is itself an <c>and</c>/<c>or</c>) and a nested
/// <c>and</c>/<c>or</c> with one child is written as that child.
/// </summary>
/// <remarks>
/// Where amplify-js would send input the condition type rejects or silently change the condition, this refuses instead:
/// <c>in</c>/<c>notIn</c> (absent from the condition input) become an <c>or</c> of <c>eq</c> / an <c>and</c> of
/// <c>ne</c>; a field of a related model, the partition key field (amplify-js drops key fields, which changes what the
/// condition means) or a non-finite Float throw <see cref="ArgumentException"/>. Same rules as analyzer ADS2005.
/// </remarks>
internal static class AppSyncConditionWriter
{
    /// <summary>
    /// The condition as AppSync condition JSON, or null when there is none (<paramref name="condition"/> is null or
    /// matches everything).
    /// </summary>
    /// <exception cref="ArgumentException">The condition has a part AppSync's condition input cannot express; the
    /// message names the model, field and operator.</exception>
    public static string? ToJson(ModelMetadata model, PredicateNode? condition)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (condition is null or MatchAll) return null;
        var buffer = new ArrayBufferWriter<byte>(256);
        // The same writer options as ModelJson, so strings in conditions are escaped exactly like the outbox data.
        using (var writer = new Utf8JsonWriter(buffer, AwsJsonText.WriterOptions))
        {
            WriteRoot(model, condition, writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRoot(ModelMetadata model, PredicateNode condition, Utf8JsonWriter writer)
    {
        // amplify-js always starts from an 'and' group; a root list whose only child is an and/or list is replaced by it,
        // and a nested one-child list is its child, so one-child lists under the root collapse first.
        while (condition is PredicateGroup { Kind: GroupKind.And or GroupKind.Or, Children.Count: 1 } single) condition = single.Children[0];
        if (condition is PredicateGroup { Kind: GroupKind.And or GroupKind.Or } group)
        {
            WriteList(model, group.Kind, group.Children, writer);
            return;
        }
        if (condition is FieldCondition { Operator: PredicateOperator.In or PredicateOperator.NotIn } expanded && expanded.Values.Count > 1)
        {
            WriteNode(model, expanded, writer);
            return;
        }
        writer.WriteStartObject();
        writer.WriteStartArray("and");
        WriteNode(model, condition, writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNode(ModelMetadata model, PredicateNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case FieldCondition condition:
                WriteCondition(model, condition, writer);
                break;
            case PredicateGroup { Kind: GroupKind.Not } not:
                writer.WriteStartObject();
                writer.WritePropertyName("not");
                WriteNode(model, not.Children[0], writer);
                writer.WriteEndObject();
                break;
            case PredicateGroup { Children.Count: 1 } single:
                // A one-child and/or is that child (amplify-js flattens redundant nested lists).
                WriteNode(model, single.Children[0], writer);
                break;
            case PredicateGroup group:
                WriteList(model, group.Kind, group.Children, writer);
                break;
            case MatchAll:
                throw new ArgumentException($"A condition on {model.Name} contains 'all' inside a group; AppSync's condition input has no 'true'.");
            default:
                throw new ArgumentException($"A condition on {model.Name} contains an unknown predicate node {node.GetType().Name}.");
        }
    }

    private static void WriteList(ModelMetadata model, GroupKind kind, System.Collections.Generic.IReadOnlyList<PredicateNode> children, Utf8JsonWriter writer)
    {
        if (children.Count == 0)
        {
            throw new ArgumentException($"A condition on {model.Name} has an empty {kind.ToString().ToLowerInvariant()} group; AppSync drops it, which would change the condition.");
        }
        writer.WriteStartObject();
        writer.WriteStartArray(kind == GroupKind.And ? "and" : "or");
        foreach (var child in children) WriteNode(model, child, writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCondition(ModelMetadata model, FieldCondition condition, Utf8JsonWriter writer)
    {
        var name = CheckField(model, condition);
        switch (condition.Operator)
        {
            case PredicateOperator.In or PredicateOperator.NotIn:
                WriteMembership(model, condition, name, writer);
                return;
            case PredicateOperator.Between:
                if (condition.Values.Count != 2) throw Refuse(model, condition, $"takes two operands, got {condition.Values.Count}");
                writer.WriteStartObject();
                writer.WriteStartObject(name);
                writer.WriteStartArray("between");
                WriteValue(model, condition, condition.Values[0], writer);
                WriteValue(model, condition, condition.Values[1], writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                if (condition.Values.Count != 1) throw Refuse(model, condition, $"takes one operand, got {condition.Values.Count}");
                WriteComparison(model, condition, name, OperatorName(condition.Operator), condition.Values[0], writer);
                return;
        }
    }

    /// <summary>
    /// in/notIn: the condition input has neither (amplify-js sends them as they are, which AppSync rejects), so
    /// <c>in</c> is an or of <c>eq</c>s and <c>notIn</c> an and of <c>ne</c>s; one value is just that comparison.
    /// </summary>
    private static void WriteMembership(ModelMetadata model, FieldCondition condition, string name, Utf8JsonWriter writer)
    {
        if (condition.Values.Count == 0) throw Refuse(model, condition, "has no values; AppSync's condition input cannot express an empty set");
        var isIn = condition.Operator == PredicateOperator.In;
        var op = isIn ? "eq" : "ne";
        if (condition.Values.Count == 1)
        {
            WriteComparison(model, condition, name, op, condition.Values[0], writer);
            return;
        }
        writer.WriteStartObject();
        writer.WriteStartArray(isIn ? "or" : "and");
        foreach (var value in condition.Values) WriteComparison(model, condition, name, op, value, writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteComparison(ModelMetadata model, FieldCondition condition, string name, string op, FieldValue value, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(name);
        writer.WritePropertyName(op);
        WriteValue(model, condition, value, writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string CheckField(ModelMetadata model, FieldCondition condition)
    {
        var input = "Model" + model.Name + "ConditionInput";
        if (condition.Field.IsNested)
        {
            throw Refuse(model, condition, $"goes through the related model '{condition.Field.Segments[0]}'; {input} has only {model.Name}'s own fields (compare the foreign key instead)");
        }
        var field = model.FindField(condition.Field.Leaf)
            ?? throw Refuse(model, condition, $"names no field of {model.Name}");
        if (!field.IsStored || field.Kind is FieldKind.Model or FieldKind.Embedded)
        {
            throw Refuse(model, condition, $"is on a relationship or non-model field, which {input} does not have");
        }
        if (model.PrimaryKey.Fields.Count > 0 && model.PrimaryKey.Fields[0] == field.Name)
        {
            throw Refuse(model, condition, $"is on the partition key, which {input} does not have (the key already chooses the item)");
        }
        return field.Name;
    }

    private static void WriteValue(ModelMetadata model, FieldCondition condition, FieldValue value, Utf8JsonWriter writer)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Null:
                writer.WriteNullValue();
                break;
            case FieldValueKind.String:
                writer.WriteStringValue(value.AsString());
                break;
            case FieldValueKind.Integer:
                writer.WriteNumberValue(value.AsInteger());
                break;
            case FieldValueKind.Float:
                var number = value.AsDouble();
                if (!double.IsFinite(number)) throw Refuse(model, condition, $"compares with {number}, which JSON cannot carry");
                writer.WriteNumberValue(number);
                break;
            case FieldValueKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            case FieldValueKind.Date or FieldValueKind.Time or FieldValueKind.DateTime:
                // AWSDate/AWSTime/AWSDateTime travel as their ISO text, as ModelJson writes them.
                writer.WriteStringValue(value.AsObject()!.ToString());
                break;
            default:
                throw Refuse(model, condition, $"compares with a {value.Kind} value, which the condition input has no form for");
        }
    }

    private static string OperatorName(PredicateOperator op) => op switch
    {
        PredicateOperator.Eq => "eq",
        PredicateOperator.Ne => "ne",
        PredicateOperator.Le => "le",
        PredicateOperator.Lt => "lt",
        PredicateOperator.Ge => "ge",
        PredicateOperator.Gt => "gt",
        PredicateOperator.Contains => "contains",
        PredicateOperator.NotContains => "notContains",
        PredicateOperator.BeginsWith => "beginsWith",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a single-operand operator."),
    };

    private static ArgumentException Refuse(ModelMetadata model, FieldCondition condition, string why)
        => new($"The condition '{condition.Field} {Name(condition.Operator)}' on {model.Name} cannot be sent to AppSync: it {why}.");

    private static string Name(PredicateOperator op) => op switch
    {
        PredicateOperator.Between => "between",
        PredicateOperator.In => "in",
        PredicateOperator.NotIn => "notIn",
        _ => OperatorName(op),
    };
}
