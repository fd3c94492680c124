using System.Collections.Generic;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>One relationship field being resolved: the model it is on, the related model and (once paired) the other side.</summary>
internal sealed class RelationEnd
{
    public RelationEnd(ObjectTypeState model, FieldSlot field, RelationshipSpec spec, ObjectTypeState related)
    {
        Model = model;
        Field = field;
        Spec = spec;
        Related = related;
    }

    public ObjectTypeState Model { get; }

    public FieldSlot Field { get; }

    public RelationshipSpec Spec { get; }

    public ObjectTypeState Related { get; }

    /// <summary>The field on the related model that points back, once paired.</summary>
    public RelationEnd? Partner { get; set; }

    /// <summary>
    /// The resolved foreign-key field names: on the related model for HasMany, on <see cref="Model"/> otherwise.
    /// Null until resolved, or when resolution failed.
    /// </summary>
    public List<string>? ForeignKey { get; set; }

    /// <summary>The shape is wrong (reported); the end is not resolved.</summary>
    public bool IsFailed { get; set; }

    public string Directive => Spec.Directive;

    /// <summary><c>Model.field</c>, for messages.</summary>
    public string Description => $"{Model.Name}.{Field.Name}";

    /// <summary><c>@hasMany on field 'Post.comments'</c>, for messages.</summary>
    public string Subject => $"@{Directive} on field '{Description}'";

    /// <summary>Collects the relationship ends of the given directives over all models.</summary>
    public static List<RelationEnd> Collect(IEnumerable<ObjectTypeState> models, IReadOnlyDictionary<string, ObjectTypeState> byName, params string[] directives)
    {
        var ends = new List<RelationEnd>();
        foreach (var model in models)
        {
            foreach (var field in model.Declared)
            {
                if (field.Relationship is not { IsInvalid: false } spec) continue;
                if (System.Array.IndexOf(directives, spec.Directive) < 0) continue;
                if (field.Type is not { Kind: TypeKind.Model } type || !byName.TryGetValue(type.Name, out var related)) continue;
                ends.Add(new RelationEnd(model, field, spec, related));
            }
        }
        return ends;
    }
}
