namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// A model's subscriptions need the caller's owner value, but the token lacks the claim it comes from (or there is no
/// token): AppSync would refuse the subscription, so the engine reports why instead.
/// </summary>
internal sealed class OwnerClaimMissingException : DataStoreException
{
    public OwnerClaimMissingException(string model, string ownerField, string identityClaim, AuthorizationType mode, bool hasToken)
        : base(hasToken
            ? $"Owner field required, sign in is needed in order to perform this operation: model '{model}' subscribes with its owner argument '{ownerField}', whose value is the token's '{identityClaim}' claim, but the {mode} token has no such claim."
            : $"Owner field required, sign in is needed in order to perform this operation: model '{model}' subscribes with its owner argument '{ownerField}', whose value is the token's '{identityClaim}' claim, but there is no {mode} token.")
    {
        Model = model;
        OwnerField = ownerField;
        IdentityClaim = identityClaim;
    }

    /// <summary>The model whose subscriptions need the argument.</summary>
    public string Model { get; }

    /// <summary>The owner field, which names the argument.</summary>
    public string OwnerField { get; }

    /// <summary>The claim the value would come from.</summary>
    public string IdentityClaim { get; }
}
