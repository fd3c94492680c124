using System;

namespace Amplify.DataStore;

/// <summary>Creates identifiers for new models.</summary>
public static class ModelId
{
    /// <summary>A new random UUID in lowercase <c>8-4-4-4-12</c> form, as Amplify clients create.</summary>
    public static string NewId() => Guid.NewGuid().ToString("D");
}
