using System;
using System.IO;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>
/// Replaces a file in one step (write a temp file beside it, then move it over), so a crash or a reader racing the
/// write never sees half a file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/>, replacing any existing file.</summary>
    /// <param name="path">The file to write; its directory must exist.</param>
    /// <param name="contents">The new contents.</param>
    /// <param name="unixMode">
    /// Permissions for the new file on Unix (set before any byte is written), or <see langword="null"/> for the
    /// default; ignored on Windows.
    /// </param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents, UnixFileMode? unixMode = null)
    {
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                if (unixMode is { } mode && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, mode);
                }

                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
