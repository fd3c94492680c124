using System;

namespace Amplify.DataStore.LocalBackend;

/// <summary>The backend could not start, e.g. because the schema has errors (the message lists them with file, line and column).</summary>
public sealed class LocalBackendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalBackendException(string message) : base(message)
    {
    }
}
