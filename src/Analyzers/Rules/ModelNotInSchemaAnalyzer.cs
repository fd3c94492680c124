using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2010: a generic <c>DataStore</c> call (<c>SaveAsync&lt;T&gt;</c>, <c>QueryAsync&lt;T&gt;</c>, <c>Observe&lt;T&gt;</c>, …)
/// whose <c>T</c> implements <c>IModel&lt;T&gt;</c> but is not a model the generator made from this project's schema:
/// a hand-written type, or any model type in a project without a schema. The store's <c>ModelSchema</c> only knows the
/// generated models, so such a call fails at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelNotInSchemaAnalyzer : DataStoreAnalyzer
{
    /// <summary>The tool name the generator puts in <c>[GeneratedCode]</c> on every model it emits.</summary>
    private const string GeneratorName = "Amplify.DataStore.Generator";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ModelNotInSchema);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        var generatedCode = start.Compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        start.RegisterOperationAction(c => Analyze(c, dataStore, generatedCode), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore, INamedTypeSymbol? generatedCode)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.IsGenericMethod || !dataStore.IsDataStoreMethod(method)) return;

        for (int i = 0; i < method.TypeArguments.Length; i++)
        {
            var type = method.TypeArguments[i];
            // A type parameter (a generic helper over IModel<T>) is checked where it is instantiated, if anywhere.
            if (type is not INamedTypeSymbol || !dataStore.IsModelType(type)) continue;
            bool generated = IsGenerated(type, generatedCode);
            // A model generated in a referenced assembly belongs to that project's schema, which this compilation
            // cannot see; an error there would break every solution that keeps its models in a class library.
            if (generated && !IsInSource(type)) continue;
            if (generated && dataStore.Schema.ModelForTypeName(type.Name) is not null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ModelNotInSchema, TypeArgumentLocation(invocation, i),
                type.Name, dataStore.Schema.Files));
        }
    }

    /// <summary>True when the generator emitted <paramref name="type"/> (a hand-written type of the same name is not a model).</summary>
    private static bool IsGenerated(ITypeSymbol type, INamedTypeSymbol? generatedCode)
    {
        if (generatedCode is null) return false;
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generatedCode)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is GeneratorName)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsInSource(ITypeSymbol type)
    {
        foreach (var location in type.Locations)
        {
            if (location.IsInSource) return true;
        }
        return false;
    }

    /// <summary>The written type argument (<c>QueryAsync&lt;Note&gt;</c>), else the method name (inferred <c>SaveAsync(note)</c>).</summary>
    private static Location TypeArgumentLocation(IInvocationOperation invocation, int index)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax) return invocation.Syntax.GetLocation();
        var name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (name is GenericNameSyntax generic && index < generic.TypeArgumentList.Arguments.Count)
        {
            return generic.TypeArgumentList.Arguments[index].GetLocation();
        }
        return name?.GetLocation() ?? syntax.GetLocation();
    }
}
