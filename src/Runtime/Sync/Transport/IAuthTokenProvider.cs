using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore;

/// <summary>
/// Supplies the token for <see cref="AuthorizationType.AmazonCognitoUserPools"/>, <see cref="AuthorizationType.OpenIdConnect"/>
/// and <see cref="AuthorizationType.AwsLambda"/> requests (e.g. from your sign-in library). The sync engine asks again with a
/// forced refresh when the server answers 401, so an expired token does not stop syncing.
/// </summary>
public interface IAuthTokenProvider
{
    /// <summary>The current token (sent as the <c>Authorization</c> header, as AppSync expects: no <c>Bearer</c> prefix needed).</summary>
    /// <param name="forceRefresh">True when the last token was refused: get a new one rather than a cached one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
