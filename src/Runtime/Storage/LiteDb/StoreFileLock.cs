using System;
using System.Collections.Generic;
using System.IO;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// A store's ownership of its database file while it is open. Its write journal, memory image and LiteDB's direct mode all
/// assume one writer, so a second store on the same file (another process, or this one through another path) is
/// refused at once instead of letting the two diverge.
/// </summary>
/// <remarks>
/// Two guards: a process-wide set of the real paths open here, and an OS lock on the sidecar <c>&lt;file&gt;.lock</c>
/// (opened with <see cref="FileShare.None"/>: <c>flock</c> on Unix, a sharing lock on Windows), which the OS releases
/// when the process dies, so a crash never leaves the file locked. The sidecar is left in place on close: deleting it
/// while another process is opening it would let two processes each lock a different file of that name.
/// </remarks>
internal sealed class StoreFileLock : IDisposable
{
    private static readonly HashSet<string> s_openHere = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    private readonly string _databasePath;
    private FileStream? _lockFile;

    private StoreFileLock(string databasePath, FileStream lockFile)
    {
        _databasePath = databasePath;
        _lockFile = lockFile;
    }

    /// <summary>The lock file of <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>
    /// Takes ownership of <paramref name="databasePath"/> (a <see cref="RealPath"/>), or throws a
    /// <see cref="DataStoreException"/> naming the file when another store has it open.
    /// </summary>
    /// <param name="databasePath">The real path of the database file.</param>
    /// <param name="givenPath">The path the caller gave, named in the error when it differs.</param>
    public static StoreFileLock Acquire(string databasePath, string givenPath)
    {
        lock (s_openHere)
        {
            if (!s_openHere.Add(databasePath))
            {
                var through = string.Equals(Path.GetFullPath(givenPath), databasePath, StringComparison.Ordinal) ? "" : $" (opened as '{givenPath}')";
                throw new DataStoreException(
                    $"The store file '{databasePath}'{through} is in use: another DataStore in this process has it open. " +
                    "A store owns its file while it is open; dispose the other store first, or open another file.");
            }
        }
        var lockPath = PathFor(databasePath);
        try
        {
            FileStream lockFile;
            try
            {
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                throw new DataStoreException(
                    $"The store file '{databasePath}' is in use by another process: its lock file '{lockPath}' is held. " +
                    "A store owns its file while it is open; close the other app or store first, or open another file.", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DataStoreException($"The lock file '{lockPath}' of the store file '{databasePath}' cannot be created: {ex.Message}", ex);
            }
            return new StoreFileLock(databasePath, lockFile);
        }
        catch
        {
            lock (s_openHere) s_openHere.Remove(databasePath);
            throw;
        }
    }

    /// <summary>Releases the file (the OS lock first, then this process's claim).</summary>
    public void Dispose()
    {
        var lockFile = _lockFile;
        if (lockFile is null) return;
        _lockFile = null;
        lockFile.Dispose();
        lock (s_openHere) s_openHere.Remove(_databasePath);
    }
}
