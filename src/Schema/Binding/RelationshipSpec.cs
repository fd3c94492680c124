using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>The arguments of one relationship directive (<c>@hasOne</c>, <c>@hasMany</c>, <c>@belongsTo</c>, <c>@manyToMany</c>, <c>@connection</c>).</summary>
internal sealed class RelationshipSpec
{
    public RelationshipSpec(DirectiveArguments arguments) => Arguments = arguments;

    public DirectiveArguments Arguments { get; }

    /// <summary>The directive name, e.g. <c>hasMany</c>.</summary>
    public string Directive => Arguments.Name;

    /// <summary><c>fields</c>: v2 key fields / v1 connection fields.</summary>
    public List<NameRef>? Fields { get; set; }

    /// <summary>
    /// Amplify Gen 2 <c>references</c>: the foreign-key fields declared on the child model, named on both sides
    /// (<c>@hasMany</c>/<c>@hasOne</c> on the parent, <c>@belongsTo</c> on the child).
    /// </summary>
    public List<NameRef>? References { get; set; }

    /// <summary>v2 <c>@hasMany(indexName)</c>.</summary>
    public NameRef? IndexName { get; set; }

    /// <summary>v1 <c>@connection(name)</c>.</summary>
    public NameRef? ConnectionName { get; set; }

    /// <summary>v1 <c>@connection(keyName)</c>.</summary>
    public NameRef? KeyName { get; set; }

    /// <summary>v1 <c>@connection(keyField)</c>: the name of the foreign-key field of a named connection.</summary>
    public NameRef? KeyField { get; set; }

    /// <summary><c>@manyToMany(relationName)</c>.</summary>
    public NameRef? RelationName { get; set; }

    /// <summary>The arguments could not be read; the relationship is not resolved further.</summary>
    public bool IsInvalid { get; set; }
}
