using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Infrastructure;

/// <summary>
/// What every rule needs about one compilation: the DataStore API symbols and the schema. Created once per
/// compilation; null when the compilation does not reference Amplify.DataStore, so rules register nothing and cost
/// nothing in projects (and files) that do not use it. The schema is parsed on first use only.
/// </summary>
internal sealed class DataStoreCompilation
{
    private readonly Lazy<SchemaIndex> _schema;

    private DataStoreCompilation(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol dataStore, INamedTypeSymbol model, CancellationToken cancellationToken)
    {
        DataStore = dataStore;
        ModelInterface = model;
        PredicateOfT = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicate`1");
        PredicateStatic = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicate");
        StringField = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicates.StringField`1");
        ComparableField = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicates.ComparableField`2");
        EqualityField = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicates.EqualityField`2");
        ListField = compilation.GetTypeByMetadataName("Amplify.DataStore.Predicates.ListField`2");
        ExpressionOfT = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
        _schema = new Lazy<SchemaIndex>(() => SchemaIndex.Load(options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary><c>Amplify.DataStore.DataStore</c>.</summary>
    public INamedTypeSymbol DataStore { get; }

    /// <summary><c>Amplify.DataStore.IModel&lt;TSelf&gt;</c>.</summary>
    public INamedTypeSymbol ModelInterface { get; }

    /// <summary><c>Amplify.DataStore.Predicate&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? PredicateOfT { get; }

    /// <summary>The static <c>Amplify.DataStore.Predicate</c> class (combinators, <c>Field</c>).</summary>
    public INamedTypeSymbol? PredicateStatic { get; }

    /// <summary>The typed builders' field handles.</summary>
    public INamedTypeSymbol? StringField { get; }

    /// <summary>The typed builders' field handles.</summary>
    public INamedTypeSymbol? ComparableField { get; }

    /// <summary>The typed builders' field handles.</summary>
    public INamedTypeSymbol? EqualityField { get; }

    /// <summary>The typed builders' field handles.</summary>
    public INamedTypeSymbol? ListField { get; }

    /// <summary><c>System.Linq.Expressions.Expression&lt;TDelegate&gt;</c>.</summary>
    public INamedTypeSymbol? ExpressionOfT { get; }

    /// <summary>The schema (parsed on first use).</summary>
    public SchemaIndex Schema => _schema.Value;

    /// <summary>The context, or null when the compilation does not use DataStore.</summary>
    public static DataStoreCompilation? TryCreate(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        // Every rule asks; the first builds the context (and later parses the schema) and the others share it.
        if (s_shared.TryGetValue(compilation, out var shared)) return shared.Context;
        var dataStore = compilation.GetTypeByMetadataName("Amplify.DataStore.DataStore");
        var model = compilation.GetTypeByMetadataName("Amplify.DataStore.IModel`1");
        var context = dataStore is null || model is null ? null : new DataStoreCompilation(compilation, options, dataStore, model, cancellationToken);
        return s_shared.GetValue(compilation, _ => new Holder(context)).Context;
    }

    private static readonly ConditionalWeakTable<Compilation, Holder> s_shared = new();

    private sealed class Holder(DataStoreCompilation? context)
    {
        public DataStoreCompilation? Context { get; } = context;
    }

    /// <summary>True for a method declared on <c>DataStore</c>.</summary>
    public bool IsDataStoreMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, DataStore);

    /// <summary>The <c>condition</c> argument of a <c>DataStore.SaveAsync</c>/<c>DeleteAsync</c> call, or null.</summary>
    public IArgumentOperation? ConditionArgument(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("SaveAsync" or "DeleteAsync") || !IsDataStoreMethod(method)) return null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "condition") return argument;
        }
        return null;
    }

    /// <summary>True when <paramref name="type"/> implements <c>IModel&lt;itself&gt;</c>.</summary>
    public bool IsModelType(ITypeSymbol type)
    {
        foreach (var i in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, ModelInterface)
                && i.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The schema model of a generated model type (null for other types, or without a schema).</summary>
    public ModelDefinition? ModelFor(ITypeSymbol type) => IsModelType(type) ? Schema.ModelForTypeName(type.Name) : null;

    /// <summary>True when <paramref name="type"/> is <c>Predicate&lt;T&gt;</c>.</summary>
    public bool IsPredicate(ITypeSymbol? type) => type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, PredicateOfT);
}
