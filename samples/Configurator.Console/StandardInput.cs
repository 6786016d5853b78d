namespace Configurator.Console;

/// <summary>What the console can learn about its standard input before reading it.</summary>
internal static class StandardInput
{
    /// <summary>
    /// Whether the process started with standard input closed (<c>configure model.json &lt;&amp;-</c>).
    /// Linux then hands descriptor 0 to the runtime's own first pipe, and a read waits forever on a
    /// pipe nobody writes to; such a pipe has its write end in this very process, which a real
    /// input's pipe does not. False where <c>/proc</c> does not tell.
    /// </summary>
    public static bool WasClosedAtStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            return Directory.EnumerateFileSystemEntries("/proc/self/fd")
                .Where(fd => Path.GetFileName(fd) != "0")
                .Any(fd => TryLinkTarget(fd) == target && IsWriteEnd(fd));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? TryLinkTarget(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // closed while we looked
        }
    }

    // /proc/self/fdinfo/N gives the open flags in octal; O_WRONLY is 01.
    private static bool IsWriteEnd(string fd)
    {
        try
        {
            var flags = File.ReadLines(Path.Combine("/proc/self/fdinfo", Path.GetFileName(fd))).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 3) == 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }
}
