namespace Amplify.DataStore.Schema;

/// <summary>One <c>@auth</c> rule with Amplify's defaults applied.</summary>
/// <param name="Allow"><c>owner</c>, <c>groups</c>, <c>public</c>, <c>private</c> or <c>custom</c>.</param>
/// <param name="Provider"><c>userPools</c>, <c>oidc</c>, <c>iam</c>, <c>apiKey</c>, <c>function</c>, or <see langword="null"/> for the default.</param>
/// <param name="OwnerField">For owner rules: the field holding the owner (default <c>owner</c>).</param>
/// <param name="IdentityClaim">For owner rules: the token claim (default <c>cognito:username</c>).</param>
/// <param name="GroupClaim">For group rules: the token claim (default <c>cognito:groups</c>).</param>
/// <param name="Groups">Static groups.</param>
/// <param name="GroupsField">For dynamic group rules: the field holding the groups.</param>
/// <param name="Operations">Allowed operations (<c>create</c>, <c>update</c>, <c>delete</c>, <c>read</c>, or fine-grained <c>get</c>/<c>list</c>/<c>sync</c>/<c>listen</c>/<c>search</c>).</param>
public sealed record AuthRule(
    string Allow,
    string? Provider,
    string? OwnerField,
    string? IdentityClaim,
    string? GroupClaim,
    EquatableArray<string> Groups,
    string? GroupsField,
    EquatableArray<string> Operations);
