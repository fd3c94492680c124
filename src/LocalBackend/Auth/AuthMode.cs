namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>How a request proved who it is.</summary>
public enum AuthMode
{
    /// <summary>The <c>x-api-key</c> header (AppSync's API_KEY mode).</summary>
    ApiKey,

    /// <summary>A bearer JWT in <c>Authorization</c> (AppSync's AMAZON_COGNITO_USER_POOLS / OPENID_CONNECT modes).</summary>
    Jwt,
}
