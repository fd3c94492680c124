using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Analyzers.Infrastructure;
using Amplify.DataStore.PredicateOperators;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TypeKind = Amplify.DataStore.Schema.TypeKind;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// Walks the operation tree of one LINQ predicate the way <c>PredicateExpressionTranslator</c> walks the expression
/// tree at run time, and reports what it would throw on. Each case names its runtime counterpart.
/// </summary>
/// <remarks>
/// The operation tree and the expression tree of a lambda differ only in conversions: C# puts <c>Convert</c> nodes
/// around enums (to their underlying type) in expression trees that the operation tree does not have; both are lossless
/// and both are skipped. Values (anything that does not read the parameter) are never evaluated here, so checks that
/// depend on a value at run time (a captured <c>null</c> in an ordering, a captured flag that makes the whole predicate
/// false) are left to the runtime; constants are checked.
/// </remarks>
internal sealed class UntranslatableLinqPredicateWalker
{
    private readonly IParameterSymbol _parameter;
    private readonly ModelDefinition _model;
    private readonly SchemaIndex _schema;
    private readonly List<Diagnostic> _diagnostics = new();

    public UntranslatableLinqPredicateWalker(IParameterSymbol parameter, ModelDefinition model, SchemaIndex schema)
    {
        _parameter = parameter;
        _model = model;
        _schema = schema;
    }

    private enum Fold
    {
        /// <summary>Decided per item (a field condition) or by a value known only at run time.</summary>
        Dynamic,
        AlwaysTrue,
        AlwaysFalse,
    }

    /// <summary>The diagnostics for the lambda body <paramref name="body"/>.</summary>
    public IReadOnlyList<Diagnostic> Check(IOperation body)
    {
        if (Guarded(body) == Fold.AlwaysFalse)
        {
            // Runtime: Translate throws "it is always false" when the whole condition folds to false.
            _diagnostics.Add(Unsupported(body, "it is always false, which a predicate cannot express; skip the query (or delete) instead").Diagnostic);
        }
        return _diagnostics;
    }

    // Each operand of &&, || and ! is checked on its own, so one lambda reports every untranslatable part at once.
    private Fold Guarded(IOperation e)
    {
        try
        {
            return Condition(e);
        }
        catch (UntranslatableException ex)
        {
            _diagnostics.Add(ex.Diagnostic);
            return Fold.Dynamic;
        }
    }

    // Runtime: Condition.
    private Fold Condition(IOperation e)
    {
        if (!DependsOnParameter(e))
        {
            return e.ConstantValue is { HasValue: true, Value: bool constant } ? (constant ? Fold.AlwaysTrue : Fold.AlwaysFalse) : Fold.Dynamic;
        }
        switch (e)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction
                when conjunction.Type?.SpecialType == SpecialType.System_Boolean:
            {
                var left = Guarded(conjunction.LeftOperand);
                var right = Guarded(conjunction.RightOperand);
                if (left == Fold.AlwaysFalse || right == Fold.AlwaysFalse) return Fold.AlwaysFalse;
                return left == Fold.AlwaysTrue && right == Fold.AlwaysTrue ? Fold.AlwaysTrue : Fold.Dynamic;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction
                when disjunction.Type?.SpecialType == SpecialType.System_Boolean:
            {
                var left = Guarded(disjunction.LeftOperand);
                var right = Guarded(disjunction.RightOperand);
                if (left == Fold.AlwaysTrue || right == Fold.AlwaysTrue) return Fold.AlwaysTrue;
                return left == Fold.AlwaysFalse && right == Fold.AlwaysFalse ? Fold.AlwaysFalse : Fold.Dynamic;
            }
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation when negation.Type?.SpecialType == SpecialType.System_Boolean:
                return Guarded(negation.Operand) switch
                {
                    Fold.AlwaysTrue => Fold.AlwaysFalse,
                    Fold.AlwaysFalse => Fold.AlwaysTrue,
                    _ => Fold.Dynamic,
                };
            case IBinaryOperation comparison when IsComparison(comparison.OperatorKind):
                if (!CompareResult(comparison)) Compare(comparison, comparison.LeftOperand, comparison.RightOperand, comparison.OperatorKind);
                return Fold.Dynamic;
            case IInvocationOperation call when call.TargetMethod.MethodKind != MethodKind.DelegateInvoke:
                MethodCondition(call);
                return Fold.Dynamic;
            case IMemberReferenceOperation member:
                BooleanMember(member);
                return Fold.Dynamic;
            default:
                throw Unsupported(e, "it " + DescribeUntranslatable(e));
        }
    }

    // Runtime: Compare.
    private void Compare(IOperation whole, IOperation left, IOperation right, BinaryOperatorKind op)
    {
        var leftField = ResolveField(left);
        var rightField = ResolveField(right);
        if (leftField is not null && rightField is not null)
        {
            throw Unsupported(whole, "it compares two model fields, but a condition compares one field with a value; "
                + "compare each field with a value, or filter the query's results in memory");
        }
        FieldReference field;
        IOperation valueSide;
        if (leftField is not null) (field, valueSide) = (leftField, right);
        else if (rightField is not null) (field, valueSide) = (rightField, left);
        else
        {
            var dependent = DependsOnParameter(left) ? left : right;
            throw Unsupported(dependent, "it " + DescribeUntranslatable(dependent));
        }
        RequireValue(valueSide);
        if (field.IsList)
        {
            throw Unsupported(whole, $"'{field.Path}' is a list field; test its elements with {Parameter}.{PropertyName(field)}.Contains(value)");
        }
        RequireEquality(whole, field);
        var ordering = op is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals);
        if (ordering && !field.IsOrdered)
        {
            throw Unsupported(whole, $"'{field.Path}' is {Describe(field)}, which supports only ==, != and membership (values.Contains({Parameter}.{PropertyName(field)}))");
        }
        if (ordering && IsNullConstant(valueSide))
        {
            throw Unsupported(whole, $"it orders '{field.Path}' against null, which is never true in C#; compare with a non-null value");
        }
    }

    // Runtime: CompareResult (string.CompareOrdinal(a, b) > 0, a.CompareTo(b) < 0). Returns false when
    // `comparison` is not of that form.
    private bool CompareResult(IBinaryOperation comparison)
    {
        IOperation other;
        (IOperation A, IOperation B)? operands;
        if (CompareOperands(comparison.LeftOperand) is { } left) (operands, other) = (left, comparison.RightOperand);
        else if (CompareOperands(comparison.RightOperand) is { } right) (operands, other) = (right, comparison.LeftOperand);
        else return false;
        var otherValue = StripConversions(other).ConstantValue;
        if (DependsOnParameter(other) || (otherValue.HasValue && !IsZero(otherValue.Value)))
        {
            throw Unsupported(comparison, "it compares the result of a comparison method with something other than 0; "
                + "write CompareOrdinal(field, value) > 0 (or < 0, == 0, …)");
        }
        var (a, b) = operands.Value;
        var isString = a.Type?.SpecialType == SpecialType.System_String;
        var field = ResolveField(a) ?? ResolveField(b);
        if (field is not null && field.IsString != isString)
        {
            throw Unsupported(comparison, $"'{field.Path}' is {Describe(field)}, which cannot be compared this way; "
                + (field.IsString ? "order strings with string.CompareOrdinal(field, value)" : "compare it with <, <=, > or >= (or CompareTo for dates and times)"));
        }
        Compare(comparison, a, b, comparison.OperatorKind);
        return true;
    }

    private static (IOperation A, IOperation B)? CompareOperands(IOperation e)
    {
        if (StripImplicit(e) is not IInvocationOperation call) return null;
        var method = call.TargetMethod;
        var args = Arguments(call);
        if (call.Instance is null)
        {
            var isOrdinal = method.ContainingType.SpecialType == SpecialType.System_String
                && ((method.Name == "CompareOrdinal" && args.Count == 2)
                    || (method.Name == "Compare" && args.Count == 3 && IsStringComparison(args[2].Type) && IsOrdinalOrDefault(args, 2)));
            return isOrdinal ? (args[0], args[1]) : null;
        }
        // string.CompareTo is culture-sensitive, unlike the store: only CompareOrdinal orders strings.
        return method.Name == "CompareTo" && args.Count == 1 && call.Instance.Type?.SpecialType != SpecialType.System_String
            ? (call.Instance, args[0])
            : null;
    }

    // Runtime: MethodCondition.
    private void MethodCondition(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var args = Arguments(call);
        var onString = method.ContainingType.SpecialType == SpecialType.System_String;
        if (onString && call.Instance is not null)
        {
            if (ResolveField(call.Instance) is { } text)
            {
                StringMethod(call, text, args);
                return;
            }
            if (ToStringOfField(call.Instance) is { } converted)
            {
                ConvertedStringMethod(call, converted);
                return;
            }
        }
        if (onString && method.Name == "Equals" && call.Instance is null && args.Count is 2 or 3 && IsOrdinalOrDefault(args, 2))
        {
            Compare(call, args[0], args[1], BinaryOperatorKind.Equals);
            return;
        }
        if (method.Name == "Equals" && call.Instance is not null && args.Count == 1 && ResolveField(call.Instance) is not null)
        {
            Compare(call, call.Instance, args[0], BinaryOperatorKind.Equals);
            return;
        }
        if (method.Name == "Contains")
        {
            if (ContainsOperands(call, args) is { } operands)
            {
                Membership(call, UnwrapSpan(operands.Collection), operands.Item);
                return;
            }
            throw Unsupported(call, "it passes an equality comparer, whose meaning the store cannot share; use Contains without one");
        }
        throw Unsupported(call, "it " + DescribeUntranslatable(call));
    }

    // Runtime: StringMethod.
    private void StringMethod(IInvocationOperation call, FieldReference field, IReadOnlyList<IOperation> args)
    {
        var name = call.TargetMethod.Name;
        var known = name is "Contains" or "StartsWith" or "Equals";
        if (!known || args.Count is 0 or > 2 || args[0].Type?.SpecialType != SpecialType.System_String || !IsOrdinalOrDefault(args, 1))
        {
            throw Unsupported(call, $"it calls {name} on a string field; the supported string methods are "
                + "Contains(value) and StartsWith(value) (optionally with StringComparison.Ordinal)"
                + (name == "EndsWith" ? ", and no predicate tests a suffix (filter the results in memory)" : ""));
        }
        if (!field.IsString) throw Unsupported(call, $"'{field.Path}' is {Describe(field)}, not a string field, and cannot be used in a predicate");
        RequireValue(args[0]);
    }

    // p.Rating.ToString().StartsWith("4"): the intent is an operator (beginsWith/contains) on a field whose type
    // does not have it, which ADS2002 names with the operators the field does have. The runtime rejects the ToString()
    // call either way.
    private void ConvertedStringMethod(IInvocationOperation call, FieldReference field)
    {
        var op = OperatorTable.OperatorOfStringMethod(call.TargetMethod.Name);
        var category = PredicateOperatorRules.CategoryOf(field.Field);
        if (op is not null && category is not (PredicateFieldCategory.Text or PredicateFieldCategory.None))
        {
            throw new UntranslatableException(Diagnostic.Create(DiagnosticDescriptors.OperatorNotValidForField, call.Syntax.GetLocation(),
                op, field.Owner.Name + "." + field.Field.Name, FieldOperatorAnalyzer.GraphQLType(field.Field),
                string.Join(", ", PredicateOperatorRules.OperatorsFor(category))));
        }
        var instead = category == PredicateFieldCategory.Text
            ? $"call {call.TargetMethod.Name} on the field itself ({Parameter}.{PropertyName(field)}.{call.TargetMethod.Name}(value))"
            : "compare the field with a value of its own type";
        throw Unsupported(call, $"it converts '{field.Path}' with ToString(), which the store cannot evaluate; {instead}");
    }

    // Runtime: Membership (p.Tags.Contains(x) is a list Contains; values.Contains(p.Field) is In).
    private void Membership(IInvocationOperation call, IOperation collection, IOperation item)
    {
        if (ResolveField(collection) is { } list)
        {
            if (!list.IsList || !list.HasEquality)
            {
                throw Unsupported(call, $"'{list.Path}' is {Describe(list)}; Contains applies to list fields of scalars or enums"
                    + (list.IsString ? $" (for a substring write {Parameter}.{PropertyName(list)}.Contains(\"text\"))" : ""));
            }
            RequireValue(item);
            return;
        }
        if (collection.Type?.SpecialType == SpecialType.System_String)
        {
            throw Unsupported(call, "it tests whether a field is a substring of a value, which predicates cannot express; "
                + "compare the field with the candidate values instead (new[] { … }.Contains(field))");
        }
        if (DependsOnParameter(collection)) throw Unsupported(collection, "it " + DescribeUntranslatable(collection));
        var field = ResolveField(item) ?? throw Unsupported(item, "it " + DescribeUntranslatable(item));
        if (field.IsList) throw Unsupported(call, $"'{field.Path}' is a list field, which cannot be a member of a collection");
        RequireEquality(call, field);
    }

    // Runtime: BooleanMember.
    private void BooleanMember(IMemberReferenceOperation member)
    {
        // p.Count.HasValue: the field is set.
        if (member is IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } nullable } && IsNullable(nullable.Type)
            && ResolveField(nullable) is { } set)
        {
            RequireEquality(member, set);
            return;
        }
        var field = ResolveField(member);
        if (field is { IsList: false } && field.Field.Type.Kind == TypeKind.Scalar && field.Field.Type.Scalar == ScalarKind.Boolean) return;
        throw Unsupported(member, field is null
            ? "it " + DescribeUntranslatable(member)
            : $"'{field.Path}' is {Describe(field)}, not a Boolean condition; compare it with a value");
    }

    /// <summary>
    /// Runtime: ResolveField. The field <paramref name="e"/> reads, or null when it is not a member chain from the
    /// parameter; throws for chains the runtime rejects.
    /// </summary>
    private FieldReference? ResolveField(IOperation e)
    {
        var inner = e;
        while (inner is IConversionOperation { Conversion.IsUserDefined: false } conversion)
        {
            // An implicit reference conversion (a list field passed as IEnumerable<T> to Enumerable.Contains) is no
            // Convert node in the expression tree: the runtime never sees it.
            if (conversion.Conversion is { IsImplicit: true, IsReference: true })
            {
                inner = conversion.Operand;
                continue;
            }
            if (!IsLossless(conversion.Operand.Type, conversion.Type))
            {
                if (ResolveField(conversion.Operand) is { } converted)
                {
                    throw Unsupported(inner, $"it converts '{converted.Path}' to {conversion.Type?.ToDisplayString() ?? "another type"}, "
                        + "which changes its value; compare the field with a value of its own type");
                }
                return null;
            }
            inner = conversion.Operand;
        }
        if (inner is IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable } && IsNullable(nullable.Type))
        {
            inner = nullable;
        }
        if (inner is not IMemberReferenceOperation { Instance: { } owner } member) return null;
        if (ResolveModel(owner, inner) is not { } model) return null;
        var field = FindField(model.Model, member);
        if (field.Type.Kind == TypeKind.Model)
        {
            throw Unsupported(inner, $"'{inner.Syntax}' is a related model; compare one of its fields (e.g. its id) or the foreign key"
                + ForeignKeyHint(field));
        }
        return new FieldReference(model.Path.Length == 0 ? field.Name : model.Path + "." + field.Name, field, model.Model);
    }

    // Runtime: ResolveModel. The model `e` denotes: the parameter, or a @belongsTo parent reached from it.
    // Errors are reported at `reportAt`, the whole member chain being read (p.Title.Length, not p.Title).
    private (string Path, ModelDefinition Model)? ResolveModel(IOperation e, IOperation reportAt)
    {
        if (e is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, _parameter)) return ("", _model);
        if (e is not IMemberReferenceOperation { Instance: { } owner } member) return null;
        if (ResolveModel(owner, reportAt) is not { } parent) return null;
        var field = FindField(parent.Model, member);
        if (field.Type.Kind == TypeKind.NonModel)
        {
            throw Unsupported(reportAt, $"it reads inside '{field.Name}', an embedded (non-model) type, which predicates cannot reach into; "
                + "filter the query's results in memory");
        }
        if (field.Association is not { Kind: AssociationKind.BelongsTo } association)
        {
            var what = field.Association is { } a ? $"a {a.Kind} relationship" : "a field value";
            throw Unsupported(reportAt, $"it reads a member of '{e.Syntax}', {what}; only fields of the model and of its @belongsTo parents can be compared");
        }
        var related = _schema.Schema?.FindModel(association.RelatedModel);
        return related is null ? null : (parent.Path.Length == 0 ? field.Name : parent.Path + "." + field.Name, related);
    }

    private FieldDefinition FindField(ModelDefinition model, IMemberReferenceOperation member)
    {
        if (member is IPropertyReferenceOperation property && SchemaIndex.FieldForProperty(model, property.Property.Name) is { } field) return field;
        throw Unsupported(member, $"it reads '{member.Syntax}', which is not a field of the {model.Name} model in the schema; compare a schema field");
    }

    private void RequireValue(IOperation value)
    {
        if (DependsOnParameter(value)) throw Unsupported(value, "it " + DescribeUntranslatable(value) + "; the other side of a condition must be a value");
    }

    private void RequireEquality(IOperation whole, FieldReference field)
    {
        if (!field.HasEquality)
        {
            throw Unsupported(whole, $"'{field.Path}' is {Describe(field)}, which predicates cannot compare"
                + (field.Field.Type.Kind == TypeKind.NonModel ? "; filter the query's results in memory" : ""));
        }
    }

    private static IReadOnlyList<IOperation> Arguments(IInvocationOperation call)
        => call.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => a.Value).ToList();

    // Runtime: ContainsOperands. Only the default comparer, whose meaning the store shares.
    private static (IOperation Collection, IOperation Item)? ContainsOperands(IInvocationOperation call, IReadOnlyList<IOperation> args)
    {
        if (call.Instance is not null) return args.Count == 1 ? (call.Instance, args[0]) : null;
        if (args.Count == 2 || (args.Count == 3 && IsNullConstant(args[2]))) return (args[0], args[1]);
        return null;
    }

    // Runtime: SpanConversion.Unwrap (C# 14 binds array.Contains(x) to MemoryExtensions.Contains(span, x)).
    private static IOperation UnwrapSpan(IOperation collection)
        => collection is IConversionOperation conversion && IsSpan(conversion.Type) ? conversion.Operand : collection;

    private static bool IsSpan(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsGenericType: true } named
            && named.ContainingNamespace?.ToDisplayString() == "System"
            && named.Name is "Span" or "ReadOnlySpan";

    // Runtime: IsOrdinalOrDefault. A trailing StringComparison argument must be the constant Ordinal.
    private static bool IsOrdinalOrDefault(IReadOnlyList<IOperation> args, int index)
        => args.Count <= index
            || (args.Count == index + 1 && IsStringComparison(args[index].Type)
                && args[index].ConstantValue is { HasValue: true, Value: int value } && value == (int)StringComparison.Ordinal);

    private static bool IsStringComparison(ITypeSymbol? type) => type?.ToDisplayString() == "System.StringComparison";

    private IInvocationOperation? ToStringOfFieldCall(IOperation e)
        => StripImplicit(e) is IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } call && ResolveField(instance) is not null ? call : null;

    private FieldReference? ToStringOfField(IOperation e)
        => ToStringOfFieldCall(e) is { Instance: { } instance } ? ResolveField(instance) : null;

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
        or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;

    private static bool IsNullable(ITypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static ITypeSymbol? StripNullable(ITypeSymbol? type)
        => type is INamedTypeSymbol { TypeArguments.Length: 1 } named && IsNullable(type) ? named.TypeArguments[0] : type;

    // Runtime: ClrConversions.IsLossless — the conversions C# inserts around members (nullable lifting, enum to its
    // underlying type, implicit numeric widening) keep every value distinct; any other conversion changes the value.
    private static bool IsLossless(ITypeSymbol? from, ITypeSymbol? to)
    {
        var source = StripNullable(from);
        var target = StripNullable(to);
        if (source is null || target is null) return false;
        if (SymbolEqualityComparer.Default.Equals(source, target)) return true;
        if (source.TypeKind == Microsoft.CodeAnalysis.TypeKind.Enum)
        {
            return SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)source).EnumUnderlyingType, target);
        }
        return (source.SpecialType, target.SpecialType) switch
        {
            (SpecialType.System_Int32, SpecialType.System_Int64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal) => true,
            (SpecialType.System_Int64, SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal) => true,
            (SpecialType.System_Single, SpecialType.System_Double) => true,
            _ => false,
        };
    }

    private static IOperation StripConversions(IOperation e)
    {
        while (e is IConversionOperation { Conversion.IsUserDefined: false } conversion) e = conversion.Operand;
        return e;
    }

    private static IOperation StripImplicit(IOperation e)
    {
        while (e is IConversionOperation { IsImplicit: true, Conversion.IsUserDefined: false } conversion) e = conversion.Operand;
        return e;
    }

    private static bool IsNullConstant(IOperation e)
        => StripConversions(e) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation { Type.IsReferenceType: true };

    private static bool IsZero(object? value) => value is int i ? i == 0 : value is long l && l == 0;

    private bool DependsOnParameter(IOperation e)
    {
        foreach (var node in e.DescendantsAndSelf())
        {
            if (node is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, _parameter)) return true;
        }
        return false;
    }

    // Runtime: DescribeUntranslatable, with what to write instead.
    private string DescribeUntranslatable(IOperation e)
    {
        switch (e)
        {
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke }:
                return $"invokes a delegate with '{Parameter}', which cannot run in the store; write the condition inline in the lambda";
            case IInvocationOperation { TargetMethod.Name: "CompareTo", Instance.Type.SpecialType: SpecialType.System_String }:
                return "calls string.CompareTo, which is culture-sensitive; order strings with string.CompareOrdinal(field, value)";
            case IInvocationOperation { TargetMethod.Name: "ToString" } call when ToStringOfFieldCall(call) is not null:
                return "converts a field with ToString(), which the store cannot evaluate; compare the field with a value of its own type";
            case IInvocationOperation call:
                return $"calls {call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name} on model data, which the store cannot evaluate; "
                    + "compare the field itself with a value (computed outside the lambda if needed), or filter the results in memory";
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
                or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder or BinaryOperatorKind.And or BinaryOperatorKind.Or
                or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift }:
                return "computes with model data, which the store cannot evaluate; move the computation to the value side "
                    + $"({Parameter}.Field > limit - 1 rather than {Parameter}.Field + 1 > limit) or filter the results in memory";
            case ICoalesceOperation:
                return $"uses ?? on model data; compare the field and null explicitly ({Parameter}.Field == null || {Parameter}.Field == value)";
            case IConditionalOperation:
                return "uses a conditional on model data; combine conditions with && and || instead";
            case IParameterReferenceOperation:
                return "is the model itself; compare one of its fields";
            case IConversionOperation { Conversion.IsUserDefined: true }:
                return "converts model data with a user-defined conversion; compare the field with a value of its own type";
            default:
                return $"is neither a model field nor a value independent of '{Parameter}'; compare a model field with a value "
                    + $"({Parameter}.Field == value, {Parameter}.Field > value, {Parameter}.Text.StartsWith(value), values.Contains({Parameter}.Field))";
        }
    }

    private static string Describe(FieldReference field)
    {
        var f = field.Field;
        if (f.IsList) return "a list field";
        if (f.Type.Kind == TypeKind.Enum) return "an enum field";
        if (f.Type.Kind == TypeKind.NonModel) return "an embedded (non-model) field";
        var name = f.Type.Name;
        var article = name.Length > 0 && "AEIOU".IndexOf(name[0]) >= 0 ? "an" : "a";
        return $"{article} {name} field";
    }

    private string ForeignKeyHint(FieldDefinition field)
        => field.Association is { Kind: AssociationKind.BelongsTo or AssociationKind.HasOne, TargetNames.Count: > 0 } a
            ? $" ({Parameter}.{CSharpNaming.PropertyName(CSharpNaming.TypeName(_model.Name), a.TargetNames[0])} == id)"
            : "";

    private static string PropertyName(FieldReference field) => CSharpNaming.PropertyName(CSharpNaming.TypeName(field.Owner.Name), field.Field.Name);

    private string Parameter => _parameter.Name;

    private static UntranslatableException Unsupported(IOperation e, string reason)
        => new(Diagnostic.Create(DiagnosticDescriptors.UntranslatableLinqPredicate, e.Syntax.GetLocation(), e.Syntax.ToString(), reason));

    /// <summary>A field read in the predicate: its dotted GraphQL path, definition and declaring model.</summary>
    private sealed class FieldReference
    {
        public FieldReference(string path, FieldDefinition field, ModelDefinition owner)
        {
            Path = path;
            Field = field;
            Owner = owner;
        }

        public string Path { get; }

        public FieldDefinition Field { get; }

        public ModelDefinition Owner { get; }

        public bool IsList => Field.IsList;

        private PredicateFieldCategory Category => PredicateOperatorRules.CategoryOf(Field);

        // Runtime: FieldReference.HasEquality / IsString / IsOrdered, which the shared operator table restates.
        public bool HasEquality => Category != PredicateFieldCategory.None;

        public bool IsString => Category == PredicateFieldCategory.Text;

        public bool IsOrdered => Category is PredicateFieldCategory.Text or PredicateFieldCategory.Ordered;
    }

    /// <summary>Carries the first untranslatable part of one condition out of the recursive walk, as the runtime's exception does.</summary>
    private sealed class UntranslatableException : Exception
    {
        public UntranslatableException(Diagnostic diagnostic) => Diagnostic = diagnostic;

        public Diagnostic Diagnostic { get; }
    }
}
