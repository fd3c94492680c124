using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>All type and directive definitions of the merged schema files.</summary>
internal sealed class DeclarationSet
{
    private readonly Dictionary<string, TypeDeclaration> _byName = new(StringComparer.Ordinal);

    /// <summary>Types in declaration order across files (the first definition of each name).</summary>
    public List<TypeDeclaration> Types { get; } = new();

    /// <summary>Directives the schema itself defines with <c>directive @name</c>; not reported as unknown.</summary>
    public HashSet<string> DeclaredDirectives { get; } = new(StringComparer.Ordinal);

    public bool TryGet(string name, [MaybeNullWhen(false)] out TypeDeclaration declaration) => _byName.TryGetValue(name, out declaration);

    public bool TryAdd(TypeDeclaration declaration)
    {
        if (_byName.ContainsKey(declaration.Name)) return false;
        _byName.Add(declaration.Name, declaration);
        Types.Add(declaration);
        return true;
    }
}
