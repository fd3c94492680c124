using System.Collections.Generic;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// GraphQL.NET's serial strategy, except that the fields of a selection set are collected once per object type in an
/// execution instead of once per object: every item of a 1,000-item page has the same selection set, and collecting
/// its fields (walking the selection set, @skip/@include, fragments, field definitions) was a sixth of a sync page.
/// </summary>
/// <remarks>
/// One instance serves one execution and is dropped with it, so nothing is shared between requests or callers, and the
/// cache is bounded by the document (one entry per selection set and type it reaches). What is collected depends only
/// on the document, the variables (@skip/@include) and the type, all fixed within an execution; resolvers and field
/// authorization still run for every item.
/// </remarks>
internal sealed class ListAwareSerialStrategy : SerialExecutionStrategy
{
    private readonly Dictionary<(IGraphType Type, GraphQLSelectionSet SelectionSet), (GraphQLField Field, FieldType Definition)[]> _collected = new();

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (parentType is null || parent.SelectionSet is null)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        if (!_collected.TryGetValue((parentType, parent.SelectionSet), out var fields))
        {
            var collected = CollectFieldsFrom(context, parentType, parent.SelectionSet, null);
            fields = new (GraphQLField, FieldType)[collected.Count];
            int n = 0;
            foreach (var (_, value) in collected) fields[n++] = value; // in collection order, as the base class builds them
            _collected[(parentType, parent.SelectionSet)] = fields;
        }
        var subFields = new ExecutionNode[fields.Length];
        for (int i = 0; i < fields.Length; i++) subFields[i] = BuildExecutionNode(parent, fields[i].Definition.ResolvedType!, fields[i].Field, fields[i].Definition);
        parent.SubFields = subFields;
    }
}
