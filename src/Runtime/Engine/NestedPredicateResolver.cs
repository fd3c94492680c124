using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Rewrites conditions on <c>@belongsTo</c> parents (<c>c.Post.Id.Eq(id)</c>, path <c>post.id</c>) into conditions on
/// the model's own foreign-key fields, so adapters only ever see single-segment paths. A parent key field maps
/// straight to the foreign key; any other parent field is resolved by querying the parents and matching their keys.
/// </summary>
internal sealed class NestedPredicateResolver
{
    private readonly ModelSchema _schema;
    private readonly Func<ModelMetadata, PredicateNode, ValueTask<IReadOnlyList<object>>> _query;

    public NestedPredicateResolver(ModelSchema schema, Func<ModelMetadata, PredicateNode, ValueTask<IReadOnlyList<object>>> query)
    {
        _schema = schema;
        _query = query;
    }

    public static bool HasNestedPaths(PredicateNode node) => node switch
    {
        FieldCondition c => c.Field.IsNested,
        PredicateGroup g => g.Children.Any(HasNestedPaths),
        _ => false,
    };

    public async ValueTask<PredicateNode> ResolveAsync(ModelMetadata model, PredicateNode node)
    {
        switch (node)
        {
            case FieldCondition c when c.Field.IsNested:
                return await ResolveConditionAsync(model, c).ConfigureAwait(false);
            case FieldCondition c:
                if (model.FindField(c.Field.Leaf) is not { IsStored: true })
                {
                    throw new ArgumentException($"Model '{model.Name}' has no stored field '{c.Field.Leaf}' to filter on.");
                }
                return c;
            case PredicateGroup g:
                var children = new PredicateNode[g.Children.Count];
                var changed = false;
                for (int i = 0; i < children.Length; i++)
                {
                    children[i] = await ResolveAsync(model, g.Children[i]).ConfigureAwait(false);
                    changed |= !ReferenceEquals(children[i], g.Children[i]);
                }
                return changed ? new PredicateGroup(g.Kind, children) : g; // the common, nested-free case allocates nothing new
            default:
                return node;
        }
    }

    private async ValueTask<PredicateNode> ResolveConditionAsync(ModelMetadata model, FieldCondition condition)
    {
        var relationName = condition.Field.Segments[0];
        var relation = model.FindField(relationName);
        if (relation?.Association is not { Type: AssociationType.BelongsTo } association)
        {
            throw new ArgumentException(
                $"'{condition.Field}' goes through '{model.Name}.{relationName}', which is not a @belongsTo relationship; nested conditions follow parents only.");
        }
        var parent = _schema.GetModel(association.RelatedModel);
        var rest = FieldPath.Root;
        foreach (var segment in condition.Field.Segments.Skip(1)) rest = rest.Append(segment);
        var foreignKeys = association.TargetNames;

        // A condition on the parent's (single) key is a condition on our foreign key.
        if (!rest.IsNested && parent.PrimaryKey.Fields.Count == 1 && foreignKeys.Count == 1 && rest.Leaf == parent.PrimaryKey.Fields[0])
        {
            return new FieldCondition(FieldPath.Of(foreignKeys[0]), condition.Operator, condition.Values);
        }

        var parentCondition = await ResolveAsync(parent, new FieldCondition(rest, condition.Operator, condition.Values)).ConfigureAwait(false);
        var parents = await _query(parent, parentCondition).ConfigureAwait(false);
        if (foreignKeys.Count == 1)
        {
            var keys = parents.Select(p => StorageKey.Of(parent, p).Values[0]).ToArray();
            return new FieldCondition(FieldPath.Of(foreignKeys[0]), PredicateOperator.In, keys);
        }
        // Composite parent key: OR over the matching parents' key tuples (an empty OR matches nothing).
        var alternatives = parents.Select(p =>
        {
            return KeyPredicate.Node(foreignKeys, StorageKey.Of(parent, p).Values);
        }).ToArray();
        return alternatives.Length == 0
            ? new FieldCondition(FieldPath.Of(foreignKeys[0]), PredicateOperator.In, Array.Empty<FieldValue>())
            : new PredicateGroup(GroupKind.Or, alternatives);
    }
}
