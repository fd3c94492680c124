using System;
using System.Collections.Generic;
using System.IO;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The database files open in this process. LiteDB's direct mode assumes it is the only writer of its file, and a second
/// <c>LiteDatabase</c> on the same file is not prevented by every platform's file locking, so the adapter claims each
/// file here while it is open.
/// </summary>
internal static class OpenFiles
{
    private static readonly HashSet<string> s_open = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    /// <summary>The normalized form of <paramref name="path"/> used as the claim.</summary>
    public static string Normalize(string path) => Path.GetFullPath(path);

    /// <summary>Claims <paramref name="fullPath"/>, or throws if another adapter in this process has it open.</summary>
    public static void Claim(string fullPath)
    {
        lock (s_open)
        {
            if (!s_open.Add(fullPath))
            {
                throw new InvalidOperationException($"The database '{fullPath}' is already open in this process; use one storage adapter per file.");
            }
        }
    }

    /// <summary>Releases a claim.</summary>
    public static void Release(string fullPath)
    {
        lock (s_open) s_open.Remove(fullPath);
    }
}
