using System;
using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// How the local backend accepts JWTs in the <c>Authorization</c> header (AppSync's AMAZON_COGNITO_USER_POOLS and
/// OPENID_CONNECT modes). Tokens are checked offline against the keys configured here; nothing is fetched from an
/// identity provider.
/// </summary>
public sealed class JwtAuthOptions
{
    /// <summary>The required <c>iss</c> claim, or <see langword="null"/> to accept any issuer.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The required <c>aud</c> claim, or <see langword="null"/> to accept any audience. Cognito access tokens carry no
    /// <c>aud</c> (they have <c>client_id</c>), so leave this unset when clients send access tokens.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Shared secrets (UTF-8) for HS256, HS384 and HS512 tokens. A secret must be at least as long as the hash
    /// (32, 48 or 64 bytes) or tokens signed with it are rejected.
    /// </summary>
    public IList<string> HmacSecrets { get; } = new List<string>();

    /// <summary>
    /// Public keys in PEM (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>), RSA for RS*/PS* tokens and EC for ES* tokens.
    /// </summary>
    public IList<string> PublicKeyPems { get; } = new List<string>();

    /// <summary>How far token lifetimes may disagree with the server clock. Defaults to five minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The claim that names the user. Defaults to <c>username</c>; as in AppSync, <c>cognito:username</c> is used
    /// when the token does not have this claim.
    /// </summary>
    public string UsernameClaim { get; set; } = "username";

    /// <summary>
    /// The claim read into <see cref="CallerIdentity.Groups"/> (what a custom conflict handler sees). Defaults to
    /// <c>cognito:groups</c>. <c>@auth</c> group rules do not use it: each reads its own <c>groupClaim</c>.
    /// </summary>
    public string GroupsClaim { get; set; } = "cognito:groups";

    /// <summary>Whether any key is configured; without one every JWT is rejected.</summary>
    public bool IsConfigured => HmacSecrets.Count > 0 || PublicKeyPems.Count > 0;
}
