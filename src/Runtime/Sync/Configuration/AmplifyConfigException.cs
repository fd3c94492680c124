using System;

namespace Amplify.DataStore;

/// <summary>
/// An Amplify configuration file (or object) that cannot be used: the message names the file, the JSON path of the
/// missing or invalid field and what is expected there.
/// </summary>
public sealed class AmplifyConfigException : DataStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error (e.g. a JSON syntax error), if any.</param>
    public AmplifyConfigException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
