using System;
using System.IO;
using System.Linq;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The one name of a file however it is reached: absolute, with <c>.</c>/<c>..</c> removed, every symbolic link (of a
/// directory or of the file) followed, and each existing component spelled as the file system stores it (so
/// <c>Store.db</c> and <c>store.db</c> on a case-insensitive volume give one name). Two stores compare these to find
/// out that they would open the same file.
/// </summary>
internal static class RealPath
{
    // A chain of links longer than this is a loop (Linux gives up at 40 as well).
    private const int MaxLinks = 40;

    /// <summary>Resolves <paramref name="path"/>; the components that do not exist yet are kept as given.</summary>
    public static string Resolve(string path)
    {
        // ".." is applied after the links before it are followed (as the OS does), so the path is not normalized up front.
        var full = Path.IsPathFullyQualified(path) ? path
            : Path.IsPathRooted(path) ? Path.GetFullPath(path) // drive- or root-relative (Windows)
            : Path.Combine(Directory.GetCurrentDirectory(), path);
        for (int links = 0; ; links++)
        {
            var (resolved, followedLink) = ResolveOnce(full);
            if (!followedLink) return resolved;
            if (links == MaxLinks) throw new IOException($"Too many levels of symbolic links while resolving '{path}'.");
            full = resolved;
        }
    }

    /// <summary>Walks the components once, replacing the first symbolic link met by its target (then the caller walks again).</summary>
    private static (string Path, bool FollowedLink) ResolveOnce(string full)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == ".") continue;
            if (parts[i] == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // current holds no links, so its parent is the real one
                continue;
            }
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo? entry = Directory.Exists(next) ? new DirectoryInfo(next) : File.Exists(next) ? new FileInfo(next) : null;
            if (entry is null)
            {
                // Neither exists (a file not created yet): nothing further can be a link.
                return (Path.GetFullPath(Path.Combine(parts.Skip(i).Prepend(current).ToArray())), false);
            }
            if (entry.LinkTarget is { } target)
            {
                // A relative target is relative to the link's directory; the rest of the path follows the target.
                var targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                return (Path.Combine(parts.Skip(i + 1).Prepend(targetPath).ToArray()), true);
            }
            current = Path.Combine(current, StoredSpelling(current, parts[i]));
        }
        return (current, false);
    }

    /// <summary>
    /// The name under which <paramref name="directory"/> lists the existing entry <paramref name="name"/>: the same
    /// name on a case-sensitive file system, the stored spelling on a case-insensitive one.
    /// </summary>
    private static string StoredSpelling(string directory, string name)
    {
        try
        {
            var exact = new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive, MatchType = MatchType.Simple, AttributesToSkip = 0, IgnoreInaccessible = true };
            // Wildcards in the name would match other entries; such names are kept as given.
            if (name.AsSpan().IndexOfAny('*', '?') >= 0) return name;
            if (Directory.EnumerateFileSystemEntries(directory, name, exact).Any()) return name;
            var anyCase = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, MatchType = MatchType.Simple, AttributesToSkip = 0, IgnoreInaccessible = true };
            var stored = Directory.EnumerateFileSystemEntries(directory, name, anyCase).Select(Path.GetFileName).FirstOrDefault();
            return stored ?? name;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A directory that cannot be listed still resolves; only its spelling stays as given.
            return name;
        }
    }
}
