using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>A model, join model or non-model type while it is being built.</summary>
internal sealed class ObjectTypeState
{
    public ObjectTypeState(string name, bool isModel, SchemaLocation location)
    {
        Name = name;
        IsModel = isModel;
        Location = location;
    }

    public string Name { get; }

    public bool IsModel { get; }

    public bool IsJoinModel { get; set; }

    /// <summary>Where type-level diagnostics point: the type name, or the <c>relationName</c> of a join model.</summary>
    public SchemaLocation Location { get; }

    /// <summary>The <c>@model</c> directive.</summary>
    public DirectiveArguments? ModelDirective { get; set; }

    public FieldSlot? ImplicitId { get; set; }

    public List<FieldSlot> Declared { get; } = new();

    public List<FieldSlot> ForeignKeys { get; } = new();

    public List<FieldSlot> TimestampSlots { get; } = new();

    /// <summary>The primary key, or null when it is invalid (an error was reported).</summary>
    public PrimaryKey? PrimaryKey { get; set; }

    public List<IndexDefinition> Indexes { get; } = new();

    /// <summary>Indexes implied by relationships (modelgen's <c>gsi-Parent.field</c> of a one-directional <c>@hasMany</c>).</summary>
    public List<IndexDefinition> RelationIndexes { get; } = new();

    public TimestampFields Timestamps { get; set; } = TimestampFields.Default;

    public List<AuthRule> AuthRules { get; } = new();

    public string PluralName { get; set; } = string.Empty;

    /// <summary>v2 <c>@primaryKey</c> directives with the field they are on.</summary>
    public List<(FieldSlot Field, DirectiveArguments Arguments)> PrimaryKeyDirectives { get; } = new();

    /// <summary>v2 <c>@index</c> directives with the field they are on.</summary>
    public List<(FieldSlot Field, DirectiveArguments Arguments)> IndexDirectives { get; } = new();

    /// <summary>v1 <c>@key</c> directives.</summary>
    public List<DirectiveArguments> KeyDirectives { get; } = new();

    /// <summary>All fields that end up in the model, in output order.</summary>
    public IEnumerable<FieldSlot> Fields
    {
        get
        {
            if (ImplicitId is not null) yield return ImplicitId;
            foreach (var slot in Declared)
            {
                if (!slot.IsDropped) yield return slot;
            }
            foreach (var slot in ForeignKeys) yield return slot;
            foreach (var slot in TimestampSlots) yield return slot;
        }
    }

    public FieldSlot? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name) return field;
        }
        return null;
    }

    public IndexDefinition? FindIndex(string name)
    {
        foreach (var index in Indexes)
        {
            if (index.Name == name) return index;
        }
        return null;
    }

    /// <summary>The primary-key field slots in key order; empty when the key is invalid.</summary>
    public List<FieldSlot> PrimaryKeyFields()
    {
        var result = new List<FieldSlot>();
        if (PrimaryKey is null) return result;
        foreach (var name in PrimaryKey.Fields)
        {
            var field = Find(name);
            if (field is null) return new List<FieldSlot>();
            result.Add(field);
        }
        return result;
    }
}
