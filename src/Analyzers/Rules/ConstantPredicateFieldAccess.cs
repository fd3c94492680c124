using System.Collections.Generic;
using Amplify.DataStore.Analyzers.Infrastructure;
using Amplify.DataStore.PredicateOperators;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// One condition as the predicate rules (ADS2004, ADS2005) see it: a call on a typed field handle
/// (<c>p.Rating.Gt(4)</c>, <c>c.Post.Title.Eq(x)</c>) or a <c>Predicate.Field&lt;T&gt;("rating", "gt", 4)</c> call,
/// with the field it tests and its operands.
/// </summary>
internal sealed class ConstantPredicateFieldAccess
{
    private ConstantPredicateFieldAccess(IInvocationOperation invocation, string fieldKey, string fieldName, string @operator,
        IReadOnlyList<IOperation>? operands, bool isNested, bool isListHandle, ModelDefinition? model, FieldDefinition? field,
        IReadOnlyList<IPropertySymbol> path)
    {
        Invocation = invocation;
        FieldKey = fieldKey;
        FieldName = fieldName;
        Operator = @operator;
        Operands = operands;
        IsNested = isNested;
        IsListHandle = isListHandle;
        Model = model;
        Field = field;
        Path = path;
    }

    /// <summary>The call that builds the condition.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Identifies the field within one predicate (same key = same field of the same item).</summary>
    public string FieldKey { get; }

    /// <summary>The field for messages: its GraphQL name when known, else the property path.</summary>
    public string FieldName { get; }

    /// <summary>The AppSync operator name (<c>eq</c>, <c>between</c>, <c>beginsWith</c>…).</summary>
    public string Operator { get; }

    /// <summary>The operand expressions (conversions included), or null when they are not written out (an array variable).</summary>
    public IReadOnlyList<IOperation>? Operands { get; }

    /// <summary>True when the field is reached through a relationship (<c>c.Post.Title</c>).</summary>
    public bool IsNested { get; }

    /// <summary>True for a list field's handle (Contains tests elements, not substrings).</summary>
    public bool IsListHandle { get; }

    /// <summary>The schema model the field belongs to (the model of the last relationship for a nested path).</summary>
    public ModelDefinition? Model { get; }

    /// <summary>The schema field, when the schema knows it.</summary>
    public FieldDefinition? Field { get; }

    /// <summary>For typed handles: the builder properties from the lambda parameter to the handle.</summary>
    public IReadOnlyList<IPropertySymbol> Path { get; }

    /// <summary>Reads a typed handle call or a <c>Predicate.Field</c> call; null for anything else.</summary>
    public static ConstantPredicateFieldAccess? Read(IInvocationOperation invocation, DataStoreCompilation dataStore)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is null) return null;
        if (SymbolEqualityComparer.Default.Equals(containing, dataStore.PredicateStatic))
        {
            return method.Name == "Field" ? ReadDynamic(invocation, dataStore) : null;
        }
        bool isList = SymbolEqualityComparer.Default.Equals(containing, dataStore.ListField);
        if (!isList
            && !SymbolEqualityComparer.Default.Equals(containing, dataStore.StringField)
            && !SymbolEqualityComparer.Default.Equals(containing, dataStore.ComparableField)
            && !SymbolEqualityComparer.Default.Equals(containing, dataStore.EqualityField))
        {
            return null;
        }
        return ReadTyped(invocation, dataStore, isList);
    }

    private static ConstantPredicateFieldAccess? ReadTyped(IInvocationOperation invocation, DataStoreCompilation dataStore, bool isList)
    {
        var op = OperatorName(invocation.TargetMethod.Name);
        if (op is null) return null;

        // The handle must come straight from the builder parameter through generated Fields properties; a handle kept
        // in a variable could stand for anything.
        var path = new List<IPropertySymbol>();
        IOperation? receiver = invocation.Instance;
        while (receiver is IPropertyReferenceOperation property)
        {
            path.Insert(0, property.Property);
            receiver = property.Instance;
        }
        if (receiver is not IParameterReferenceOperation parameter || path.Count == 0) return null;

        var last = path[path.Count - 1];
        var modelType = last.ContainingType?.ContainingType;
        var model = modelType is null ? null : dataStore.ModelFor(modelType);
        var field = model is null ? null : SchemaIndex.FieldForProperty(model, last.Name);

        var names = new string[path.Count];
        for (int i = 0; i < path.Count; i++) names[i] = path[i].Name;
        var propertyPath = string.Join(".", names);
        var key = parameter.Parameter.Name + "." + propertyPath;
        var display = field is not null && path.Count == 1 ? field.Name : propertyPath;

        var operands = new List<IOperation>();
        // Arguments come in evaluation (written) order; named ones may be swapped, so take them by parameter.
        var arguments = new List<IArgumentOperation>(invocation.Arguments);
        arguments.Sort((a, b) => (a.Parameter?.Ordinal ?? 0).CompareTo(b.Parameter?.Ordinal ?? 0));
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind is ArgumentKind.ParamArray or ArgumentKind.ParamCollection)
            {
                if (ElementsOf(argument.Value) is not { } elements) return Create(null);
                operands.AddRange(elements);
            }
            else if (op is "in" or "notIn" && Unwrap(argument.Value) is IArrayCreationOperation or ICollectionExpressionOperation)
            {
                if (ElementsOf(argument.Value) is not { } elements) return Create(null);
                operands.AddRange(elements);
            }
            else
            {
                operands.Add(argument.Value);
            }
        }
        return Create(operands);

        ConstantPredicateFieldAccess Create(IReadOnlyList<IOperation>? values)
            => new(invocation, key, display, op, values, path.Count > 1, isList, model, field, path);
    }

    private static ConstantPredicateFieldAccess? ReadDynamic(IInvocationOperation invocation, DataStoreCompilation dataStore)
    {
        if (invocation.TargetMethod.TypeArguments.Length != 1 || invocation.Arguments.Length != 3) return null;
        string? name = null, op = null;
        IReadOnlyList<IOperation>? operands = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Ordinal)
            {
                case 0:
                    name = ConstantString(argument.Value);
                    break;
                case 1:
                    op = ConstantString(argument.Value);
                    break;
                case 2:
                    // Only the expanded form writes the operands out; an array passed as such is opaque.
                    operands = argument.ArgumentKind == ArgumentKind.ParamArray ? ElementsOf(argument.Value) : null;
                    break;
            }
        }
        if (name is null || op is null) return null;
        var model = dataStore.ModelFor(invocation.TargetMethod.TypeArguments[0]);
        var field = model is null ? null : model.FindField(name);
        bool isList = field is { IsList: true };
        return new ConstantPredicateFieldAccess(invocation, "field:" + name, name, op, operands, isNested: false, isList, model, field,
            System.Array.Empty<IPropertySymbol>());
    }

    private static IReadOnlyList<IOperation>? ElementsOf(IOperation value)
    {
        value = Unwrap(value);
        return value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IArrayCreationOperation { DimensionSizes.Length: 1 } array when array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }
                => System.Array.Empty<IOperation>(),
            ICollectionExpressionOperation collection when AllPlain(collection.Elements) => collection.Elements,
            _ => null,
        };

        static bool AllPlain(System.Collections.Immutable.ImmutableArray<IOperation> elements)
        {
            foreach (var e in elements) if (e is ISpreadOperation) return false;
            return true;
        }
    }

    /// <summary>Strips implicit conversions (to the nullable parameter type, to object) around an operand.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }

    /// <summary>The compile-time value of an operand: <c>(true, value)</c>, with null for a null literal or <c>default</c> of a nullable.</summary>
    public static (bool Known, object? Value) ConstantOf(IOperation operand)
    {
        // The outermost constant wins: an explicit (int)3.7 is 3. Conversions to the parameter's nullable type or to
        // object are not constants themselves but keep their operand's value.
        var inner = operand;
        while (true)
        {
            if (inner.ConstantValue is { HasValue: true } constant) return (true, constant.Value);
            if (inner is not IConversionOperation { OperatorMethod: null } conversion) break;
            inner = conversion.Operand;
        }
        if (inner is IDefaultValueOperation { Type: { } type } && type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return (true, null);
        return (false, null);
    }

    private static string? ConstantString(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: string s } ? s : null;

    private static string? OperatorName(string methodName) => OperatorTable.OperatorOfMethod(methodName);
}
