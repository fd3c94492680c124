using System;

namespace Amplify.DataStore;

/// <summary>What a conflict handler decides: send a model again (with the server's version), or take the server's copy.</summary>
public sealed class ConflictResolution
{
    private ConflictResolution(object? model) => Model = model;

    /// <summary>Give up the local change and keep the server's copy (it is stored locally).</summary>
    public static ConflictResolution Discard { get; } = new(null);

    /// <summary>
    /// Send <paramref name="model"/> instead, based on the server's current version: for an update only the fields in which it
    /// differs from the server's copy are sent, so changes made elsewhere to other fields are kept.
    /// </summary>
    /// <param name="model">A generated model instance of the conflicting model with the same key (e.g. <c>Post.CopyOf(remote, …)</c>).</param>
    public static ConflictResolution Retry(object model) => new(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>The model to send again; null for <see cref="Discard"/>.</summary>
    public object? Model { get; }

    /// <summary>True for <see cref="Discard"/>.</summary>
    public bool IsDiscard => Model is null;
}
