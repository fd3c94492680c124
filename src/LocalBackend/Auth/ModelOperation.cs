namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>The operations an <c>@auth</c> rule can grant.</summary>
internal enum ModelOperation
{
    Create,
    Read,
    Update,
    Delete,
}
