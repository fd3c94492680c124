using System;
using System.IO;
using System.Security.Cryptography;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>The generated API key, kept in the data directory so clients' configuration stays valid across restarts.</summary>
internal static class ApiKeyStore
{
    private const string FileName = "api-key.txt";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing) return existing;
        var key = "da2-" + RandomNumberGenerator.GetString(Alphabet, 26); // AppSync's key shape
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, key);
        return key;
    }
}
