using System;
using System.IO;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>
/// Compares generated text with an approved file kept in the repo. A mismatch (or a missing approved file) writes a
/// <c>.received.txt</c> beside it and fails; set <c>AMPLIFY_UPDATE_SNAPSHOTS=1</c> to approve the received output.
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>Returns null when the snapshot matches, else what differs (and writes the .received file).</summary>
    public static string? Check(string relativePath, string actual)
    {
        var approved = Path.Combine(TestPaths.Snapshots, relativePath + ".verified.txt");
        var received = Path.Combine(TestPaths.Snapshots, relativePath + ".received.txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("AMPLIFY_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, actual);
            if (File.Exists(received)) File.Delete(received);
            return null;
        }
        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return null;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        return (expected is null
            ? $"No approved snapshot {approved}; wrote {received}. Review it and rename it to approve."
            : $"Generated output differs from {approved}; wrote {received}. Diff them, then approve or fix the generator.");
    }

    /// <summary>Fails when the snapshot does not match.</summary>
    public static void Matches(string relativePath, string actual)
    {
        if (Check(relativePath, actual) is { } failure) Assert.Fail(failure);
    }
}
