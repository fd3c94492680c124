using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Estimates a document's <see cref="QueryCost"/> in one pass over its text: each fragment is costed once per page
/// size it is spread under and reused at every later spread, so a fragment that spreads the next one twice, 40 levels
/// deep, costs 40 steps to analyse instead of 2^40. GraphQL.NET 8's <c>ComplexityValidationRule</c> walks a fragment
/// again at every spread, which is exactly the exponential walk these documents are meant to cause, so it is not used.
/// </summary>
internal sealed class QueryCostAnalyzer
{
    /// <summary>The page size of a list without <c>limit</c> (AppSync's list and sync resolvers default to 100).</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page a list resolver returns (AppSync caps <c>limit</c> at 1,000).</summary>
    public const int MaxPageSize = 1000;

    private readonly ISchema _schema;
    private readonly HashSet<IGraphType> _rootTypes = new();

    public QueryCostAnalyzer(ISchema schema)
    {
        _schema = schema;
        foreach (var root in new IGraphType?[] { schema.Query, schema.Mutation, schema.Subscription })
        {
            if (root is not null) _rootTypes.Add(root);
        }
    }

    /// <summary>
    /// The cost of <paramref name="operation"/>. Fields, types and fragments the schema or document does not define count
    /// as plain fields; GraphQL.NET's validation reports them afterwards.
    /// </summary>
    /// <exception cref="NestingTooDeepException">Selections and fragment spreads nest deeper than <paramref name="maxNesting"/>.</exception>
    public QueryCost Analyze(GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables, int maxNesting)
    {
        var root = operation.Operation switch
        {
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => (IGraphType?)_schema.Query,
        };
        return new Walk(this, document, variables, maxNesting).SelectionSet(operation.SelectionSet, root, pageSize: null, nesting: 0);
    }

    /// <summary>Selections nest deeper than the analysis follows (the document is rejected as too deep).</summary>
    public sealed class NestingTooDeepException(int limit) : Exception($"Selections and fragment spreads nest deeper than {limit} levels.")
    {
        /// <summary>The nesting the analysis follows.</summary>
        public int Limit { get; } = limit;
    }

    private sealed class Walk(QueryCostAnalyzer owner, GraphQLDocument document, Inputs? variables, int maxNesting)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _definitions = FragmentsOf(document);
        // null while a fragment is being costed: meeting it again means a cycle, which validation reports.
        private readonly Dictionary<(GraphQLFragmentDefinition Fragment, int? PageSize), QueryCost?> _fragments = new();

        // pageSize: the limit of the connection field this selection set belongs to, if any.
        public QueryCost SelectionSet(GraphQLSelectionSet set, IGraphType? parent, int? pageSize, int nesting)
        {
            if (nesting > maxNesting) throw new NestingTooDeepException(maxNesting);
            var total = default(QueryCost);
            foreach (var selection in set.Selections)
            {
                total += selection switch
                {
                    GraphQLField field => Field(field, parent, pageSize, nesting),
                    GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, inline.TypeCondition is { } condition ? TypeNamed(condition.Type.Name) : parent, pageSize, nesting + 1),
                    GraphQLFragmentSpread spread => Spread(spread, pageSize, nesting),
                    _ => default,
                };
            }
            return total;
        }

        private QueryCost Field(GraphQLField field, IGraphType? parent, int? pageSize, int nesting)
        {
            var definition = (parent as IComplexGraphType)?.GetField(field.Name.Value);
            var runsResolver = parent is not null && (owner._rootTypes.Contains(parent) || IsRelationship(parent, definition));
            var self = new QueryCost(1, runsResolver ? 1 : 0, 1);
            if (field.SelectionSet is null) return self;

            var type = definition?.ResolvedType;
            // A list repeats its selection once per item: as many as the enclosing connection's limit.
            var items = IsList(type) ? pageSize ?? DefaultPageSize : 1;
            var children = SelectionSet(field.SelectionSet, type?.GetNamedType(), LimitOf(field), nesting + 1);
            return new QueryCost(self.Cost + children.Cost * items, self.Resolvers + children.Resolvers * items, children.Depth + 1);
        }

        private QueryCost Spread(GraphQLFragmentSpread spread, int? pageSize, int nesting)
        {
            if (!_definitions.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)) return default;
            var key = (fragment, pageSize);
            if (_fragments.TryGetValue(key, out var known)) return known ?? default;
            _fragments[key] = null;
            var cost = SelectionSet(fragment.SelectionSet, TypeNamed(fragment.TypeCondition.Type.Name), pageSize, nesting + 1);
            _fragments[key] = cost;
            return cost;
        }

        private static Dictionary<string, GraphQLFragmentDefinition> FragmentsOf(GraphQLDocument document)
        {
            var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
            foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>()) fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            return fragments;
        }

        private IGraphType? TypeNamed(GraphQLName name) => owner._schema.AllTypes[name.StringValue];

        // A field on a model type that returns an object (a related item or a connection of them) runs a query of its
        // own; a connection's items are the page its field already fetched.
        private static bool IsRelationship(IGraphType parent, FieldType? definition)
            => definition?.ResolvedType?.GetNamedType() is IObjectGraphType && !IsConnection(parent);

        private static bool IsConnection(IGraphType type)
            => type is IComplexGraphType complex && complex.GetField("nextToken") is not null && IsList(complex.GetField("items")?.ResolvedType);

        private static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

        private int? LimitOf(GraphQLField field)
        {
            var argument = field.Arguments?.FirstOrDefault(a => a.Name == "limit");
            if (argument is null) return null;
            object? value = argument.Value switch
            {
                GraphQLIntValue literal => long.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : MaxPageSize,
                GraphQLVariable variable => variables is not null && variables.TryGetValue(variable.Name.StringValue, out var v) ? v : null,
                _ => null,
            };
            if (value is null) return DefaultPageSize;
            // Out-of-range limits are rejected or capped by the resolvers; cost them as the most they can fetch.
            return value is IConvertible convertible && double.TryParse(convertible.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? (int)Math.Clamp(d, 1, MaxPageSize)
                : MaxPageSize;
        }
    }
}
