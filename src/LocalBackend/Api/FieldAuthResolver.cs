using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using GraphQL;
using GraphQL.Resolvers;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Resolves a field that has its own <c>@auth</c> rules. Queries and mutation results: a caller the rules do not let
/// read the field on this item gets null and AppSync's <c>Unauthorized</c> error at the field's path. Subscription
/// events: the field is redacted to null without an error (AppSync does not fail an event for it).
/// </summary>
internal sealed class FieldAuthResolver : IFieldResolver
{
    private readonly IFieldResolver _inner;
    private readonly ModelAuthorization _auth;
    private readonly string _field;
    private readonly string _typeName;

    /// <summary>Guards <paramref name="inner"/>, the resolver of <paramref name="field"/> on model <paramref name="typeName"/>.</summary>
    public FieldAuthResolver(IFieldResolver inner, ModelAuthorization auth, string field, string typeName)
    {
        _inner = inner;
        _auth = auth;
        _field = field;
        _typeName = typeName;
    }

    /// <inheritdoc/>
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var item = context.Source as IReadOnlyDictionary<string, object?> ?? throw new InvalidOperationException($"{_typeName} resolves from a stored item.");
        if (context.Operation.Operation == OperationType.Subscription)
        {
            // The event's own item was redacted for this subscriber against the full stored item (its payload may lack
            // the owner fields); items reached through relationships are full stored items.
            bool readable = item is RedactedItem redacted ? !redacted.Hides(_field) : _auth.CanReadField(CallerOf(context), item, _field);
            return readable ? _inner.ResolveAsync(context) : new ValueTask<object?>((object?)null);
        }
        if (!_auth.CanReadField(CallerOf(context), item, _field)) throw AppSyncError.Unauthorized(_field, _typeName);
        return _inner.ResolveAsync(context);
    }

    private static CallerIdentity CallerOf(IResolveFieldContext context)
        => (context.UserContext as RequestContext)?.Identity ?? throw new InvalidOperationException("Every request carries a RequestContext.");
}
