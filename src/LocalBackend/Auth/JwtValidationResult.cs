using System.Diagnostics.CodeAnalysis;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>The outcome of checking one JWT: the caller it proves, or AppSync's message for why it was refused.</summary>
internal sealed class JwtValidationResult
{
    /// <summary>AppSync's message for a token that is not a JWT at all.</summary>
    public const string UnparseableMessage = "Unable to parse JWT token.";

    /// <summary>AppSync's message for a token whose <c>exp</c> has passed.</summary>
    public const string ExpiredMessage = "Token has expired.";

    /// <summary>AppSync's message for every other refusal (signature, issuer, audience, no keys).</summary>
    public const string NotAuthorizedMessage = "You are not authorized to make this call.";

    private JwtValidationResult(CallerIdentity? identity, string? errorMessage, string? detail)
    {
        Identity = identity;
        ErrorMessage = errorMessage;
        Detail = detail;
    }

    /// <summary>Whether the token was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(ErrorMessage))]
    public bool IsValid => Identity is not null;

    /// <summary>The caller proven by the token, when valid.</summary>
    public CallerIdentity? Identity { get; }

    /// <summary>The message to return in the 401 <c>UnauthorizedException</c>, when not valid.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Why the token was refused, for the server log (the client gets only <see cref="ErrorMessage"/>).</summary>
    public string? Detail { get; }

    /// <summary>A token that proves <paramref name="identity"/>.</summary>
    public static JwtValidationResult Success(CallerIdentity identity) => new(identity, null, null);

    /// <summary>A refused token with AppSync's <paramref name="message"/>.</summary>
    /// <param name="message">AppSync's message for the client.</param>
    /// <param name="detail">What exactly was wrong, for the log.</param>
    public static JwtValidationResult Failure(string message, string? detail = null) => new(null, message, detail);
}
