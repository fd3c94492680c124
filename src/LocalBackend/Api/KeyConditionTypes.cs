using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;
using GraphQL.Types;
using FieldType = GraphQL.Types.FieldType;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The key-condition inputs of the transformer's index and primary-key queries: <c>Model{String,ID,Int,Float}KeyConditionInput</c>
/// for one sort-key field, and <c>Model{T}{Key}CompositeKeyConditionInput</c> with its <c>…CompositeKeyInput</c> for several.
/// </summary>
internal static class KeyConditionTypes
{
    private static readonly string[] StringOperators = { "eq", "le", "lt", "ge", "gt", "between", "beginsWith" };
    private static readonly string[] NumberOperators = { "eq", "le", "lt", "ge", "gt", "between" };

    /// <summary>The scalar a key field is compared as in a key condition: String (enums and AWS scalars), ID, Int or Float.</summary>
    public static string KeyScalar(FieldDefinition field) => field.Type.Kind == TypeKind.Scalar ? field.Type.Scalar switch
    {
        ScalarKind.ID => "ID",
        ScalarKind.Int or ScalarKind.AWSTimestamp => "Int",
        ScalarKind.Float => "Float",
        _ => "String",
    } : "String";

    /// <summary>The input type of a single sort-key field's condition, e.g. <c>ModelStringKeyConditionInput</c>.</summary>
    public static string ScalarConditionName(FieldDefinition field) => $"Model{KeyScalar(field)}KeyConditionInput";

    /// <summary>The condition input of a composite sort key: <c>Model{Model}{Key}CompositeKeyConditionInput</c>.</summary>
    public static string CompositeConditionName(string model, string keyName) => $"Model{model}{keyName}CompositeKeyConditionInput";

    /// <summary>The transformer's argument name for a composite sort key: the field names camel-cased together (<c>kindOther</c>).</summary>
    public static string CompositeArgumentName(IEnumerable<string> sortKeys)
        => string.Concat(sortKeys.Select((k, i) => i == 0 ? k : char.ToUpperInvariant(k[0]) + k[1..]));

    /// <summary>The key name of an index in type names: <c>Primary</c>, or the index name with an upper-case first letter.</summary>
    public static string KeyName(string? indexName) => indexName is null ? "Primary" : char.ToUpperInvariant(indexName[0]) + indexName[1..];

    /// <summary><c>Model{Scalar}KeyConditionInput</c>.</summary>
    public static InputObjectGraphType ScalarCondition(string scalar)
    {
        var input = new InputObjectGraphType { Name = $"Model{scalar}KeyConditionInput" };
        foreach (var op in scalar is "Int" or "Float" ? NumberOperators : StringOperators)
        {
            IGraphType type = op == "between" ? new ListGraphType(new GraphQLTypeReference(scalar)) : new GraphQLTypeReference(scalar);
            input.AddField(new FieldType { Name = op, ResolvedType = type });
        }
        return input;
    }

    /// <summary>The condition and key inputs of a composite sort key (the key input's last field takes its plain scalar, as the transformer does).</summary>
    public static IEnumerable<InputObjectGraphType> Composite(ModelDefinition model, string keyName, IReadOnlyList<FieldDefinition> sortKeys)
    {
        var keyInputName = $"Model{model.Name}{keyName}CompositeKeyInput";
        var condition = new InputObjectGraphType { Name = CompositeConditionName(model.Name, keyName) };
        foreach (var op in StringOperators)
        {
            IGraphType type = op == "between" ? new ListGraphType(new GraphQLTypeReference(keyInputName)) : new GraphQLTypeReference(keyInputName);
            condition.AddField(new FieldType { Name = op, ResolvedType = type });
        }
        yield return condition;

        var key = new InputObjectGraphType { Name = keyInputName };
        for (int i = 0; i < sortKeys.Count; i++)
        {
            var field = sortKeys[i];
            string typeName = field.Type.Kind switch
            {
                TypeKind.Scalar when i == sortKeys.Count - 1 => DefaultScalar(field.Type.Scalar),
                TypeKind.Scalar => field.Type.Scalar.ToString(),
                _ => field.Type.Name,
            };
            key.AddField(new FieldType { Name = field.Name, ResolvedType = new GraphQLTypeReference(typeName) });
        }
        yield return key;
    }

    // graphql-transformer-common's DEFAULT_SCALARS: the AWS scalars map to String (AWSTimestamp to Int).
    private static string DefaultScalar(ScalarKind scalar) => scalar switch
    {
        ScalarKind.ID or ScalarKind.Int or ScalarKind.Float or ScalarKind.Boolean or ScalarKind.String => scalar.ToString(),
        ScalarKind.AWSTimestamp => "Int",
        _ => "String",
    };
}
