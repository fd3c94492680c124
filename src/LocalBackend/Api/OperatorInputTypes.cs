using System.Collections.Generic;
using GraphQL.Types;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The shared operator inputs of AppSync's generated SDL (reference §1.2): <c>ModelStringInput</c>, <c>ModelIntInput</c>,
/// …, their <c>ModelSubscription*</c> twins, <c>ModelSizeInput</c>, <c>ModelAttributeTypes</c>, <c>ModelSortDirection</c>.
/// </summary>
internal static class OperatorInputTypes
{
    public static IEnumerable<IGraphType> Create()
    {
        var attributeTypes = new EnumerationGraphType { Name = "ModelAttributeTypes" };
        foreach (var name in new[] { "binary", "binarySet", "bool", "list", "map", "number", "numberSet", "string", "stringSet", "_null" })
        {
            attributeTypes.Add(name, name);
        }
        yield return attributeTypes;

        var sort = new EnumerationGraphType { Name = "ModelSortDirection" };
        sort.Add("ASC", "ASC");
        sort.Add("DESC", "DESC");
        yield return sort;

        yield return Input("ModelSizeInput", "Int", "ne", "eq", "le", "lt", "ge", "gt", "between");
        yield return Input("ModelStringInput", "String", "ne", "eq", "le", "lt", "ge", "gt", "contains", "notContains", "between", "beginsWith", "attributeExists", "attributeType", "size");
        yield return Input("ModelIntInput", "Int", "ne", "eq", "le", "lt", "ge", "gt", "between", "attributeExists", "attributeType");
        yield return Input("ModelFloatInput", "Float", "ne", "eq", "le", "lt", "ge", "gt", "between", "attributeExists", "attributeType");
        yield return Input("ModelBooleanInput", "Boolean", "ne", "eq", "attributeExists", "attributeType");
        yield return Input("ModelIDInput", "ID", "ne", "eq", "le", "lt", "ge", "gt", "contains", "notContains", "between", "beginsWith", "attributeExists", "attributeType", "size");
        yield return Input("ModelSubscriptionStringInput", "String", "ne", "eq", "le", "lt", "ge", "gt", "contains", "notContains", "between", "beginsWith", "in", "notIn");
        yield return Input("ModelSubscriptionIntInput", "Int", "ne", "eq", "le", "lt", "ge", "gt", "between", "in", "notIn");
        yield return Input("ModelSubscriptionFloatInput", "Float", "ne", "eq", "le", "lt", "ge", "gt", "between", "in", "notIn");
        yield return Input("ModelSubscriptionBooleanInput", "Boolean", "ne", "eq");
        yield return Input("ModelSubscriptionIDInput", "ID", "ne", "eq", "le", "lt", "ge", "gt", "contains", "notContains", "between", "beginsWith", "in", "notIn");
    }

    /// <summary>An enum field's filter input: <c>Model{Enum}Input { eq ne }</c>.</summary>
    public static InputObjectGraphType EnumInput(string enumName) => Input("Model" + enumName + "Input", enumName, "eq", "ne");

    /// <summary>A list-of-enum field's filter input: <c>Model{Enum}ListInput { eq ne contains notContains }</c>.</summary>
    public static InputObjectGraphType EnumListInput(string enumName)
    {
        var input = new InputObjectGraphType { Name = "Model" + enumName + "ListInput" };
        input.AddField(new FieldType { Name = "eq", ResolvedType = new ListGraphType(new GraphQLTypeReference(enumName)) });
        input.AddField(new FieldType { Name = "ne", ResolvedType = new ListGraphType(new GraphQLTypeReference(enumName)) });
        input.AddField(new FieldType { Name = "contains", ResolvedType = new GraphQLTypeReference(enumName) });
        input.AddField(new FieldType { Name = "notContains", ResolvedType = new GraphQLTypeReference(enumName) });
        return input;
    }

    private static InputObjectGraphType Input(string name, string scalar, params string[] operators)
    {
        var input = new InputObjectGraphType { Name = name };
        foreach (var op in operators)
        {
            IGraphType type = op switch
            {
                "between" or "in" or "notIn" => new ListGraphType(new GraphQLTypeReference(scalar)),
                "attributeExists" => new GraphQLTypeReference("Boolean"),
                "attributeType" => new GraphQLTypeReference("ModelAttributeTypes"),
                "size" => new GraphQLTypeReference("ModelSizeInput"),
                _ => new GraphQLTypeReference(scalar),
            };
            input.AddField(new FieldType { Name = op, ResolvedType = type });
        }
        return input;
    }
}
