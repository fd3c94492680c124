using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Filtering;
using Amplify.DataStore.LocalBackend.Realtime;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>The source streams of the model's subscriptions (<c>onCreateX</c>, <c>onUpdateX</c>, <c>onDeleteX</c>).</summary>
internal sealed partial class ModelOperations
{
    public IObservable<object?> Subscribe(IResolveFieldContext context, string mutation)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Subscription");
        var owner = context.GetArgument<string?>("owner");
        if (owner is not null && !Auth.IsCaller(caller, owner))
        {
            throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Subscription");
        }
        var filter = ArgumentValues.Object(context.GetArgument<object?>("filter"));
        ValidateFilter(filter);
        var ownerFields = Auth.OwnerFields.ToArray();
        return new EventStream(_events, e =>
            e.Model == Model.Name && e.Mutation == mutation
            && (decision == AccessDecision.AllItems || Auth.OwnsItem(caller, e.Item, ModelOperation.Read))
            && (owner is null || ownerFields.Any(f => e.Item.GetValueOrDefault(f) is string stored && (stored == owner || ModelAuthorization.DisplayOwner(stored) == owner || Auth.IsCaller(caller, stored))))
            && (filter is null || FilterEvaluator.Matches(Auth.VisibleTo(caller, e.Item), filter)),
            e => Auth.Redact(caller, e.Item, e.Payload));
    }
}
