namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>A fresh directory per test for storage files, under the system temp folder.</summary>
internal static class StorageTestDirectory
{
    /// <summary>Creates a new, empty directory and returns its path.</summary>
    public static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Deletes <paramref name="directory"/>, best effort: a still-open file on some platforms must not fail the test.</summary>
    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
