using System.Collections.Generic;
using Amplify.DataStore.LocalBackend.Auth;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>The GraphQL user context of one request or subscription: who is calling.</summary>
internal sealed class RequestContext : Dictionary<string, object?>
{
    public RequestContext(CallerIdentity identity) => Identity = identity;

    /// <summary>The authenticated caller.</summary>
    public CallerIdentity Identity { get; }
}
