using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore;

/// <summary>
/// Signs requests for <see cref="AuthorizationType.AwsIam"/> (SigV4 with your AWS credentials, e.g. through the AWS SDK).
/// The request arrives complete (method, URL, headers, body); add the signature headers to it.
/// </summary>
public interface IRequestSigner
{
    /// <summary>Signs <paramref name="request"/> in place.</summary>
    /// <param name="request">The GraphQL request, ready to send.</param>
    /// <param name="region">The AWS region of the API (from the configuration), if known.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    ValueTask SignAsync(HttpRequestMessage request, string? region, CancellationToken cancellationToken);
}
