namespace Amplify.DataStore.Sync.Auth;

/// <summary>How the sync engine picks the authorization modes for a model, as amplify-js's <c>authModeStrategyType</c>.</summary>
internal enum AuthModeStrategy
{
    /// <summary>Every request uses the API's default mode.</summary>
    Default,

    /// <summary>Each model's <c>@auth</c> rules decide an ordered list of modes to try (see <see cref="AuthModeOrder"/>).</summary>
    MultiAuth,
}
