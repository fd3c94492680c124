namespace Amplify.DataStore;

/// <summary>Where an observed change came from.</summary>
public enum ChangeOrigin
{
    /// <summary>A save or delete made through this store.</summary>
    Local,

    /// <summary>A change received from the cloud (AppSync or the local backend) by the sync engine.</summary>
    Remote,
}
