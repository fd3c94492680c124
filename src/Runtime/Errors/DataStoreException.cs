using System;

namespace Amplify.DataStore;

/// <summary>Base of the errors the data store raises for a request it refuses; the message says what and where.</summary>
public class DataStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataStoreException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
