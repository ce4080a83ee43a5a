using System.Globalization;

namespace Chat.Bench.Hosting;

/// <summary>
/// Processor time of a server that is not the bench's child (PostgreSQL's postmaster
/// detaches from pg_ctl) or that runs its work in child processes (one per PostgreSQL
/// connection), read from <c>/proc</c>: the process's own time, the time of its children
/// that have exited (which the kernel adds to the parent's once it reaps them), and the
/// time of those still running.
/// </summary>
internal static class ProcessTreeClock
{
    // USER_HZ, the unit of /proc's processor times, is 100 on every Linux the bench runs on.
    private const double TicksPerSecond = 100;

    // Fields of /proc/<pid>/stat counted after the ")" that closes the program's name.
    private const int ParentField = 1;
    private const int UserTimeField = 11;
    private const int SystemTimeField = 12;
    private const int ReapedChildrenUserTimeField = 13;
    private const int ReapedChildrenSystemTimeField = 14;

    public static TimeSpan ProcessorTime(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || Fields(id) is not { } fields)
            {
                continue;
            }
            if (id == processId)
            {
                ticks += Number(fields, UserTimeField) + Number(fields, SystemTimeField)
                    + Number(fields, ReapedChildrenUserTimeField) + Number(fields, ReapedChildrenSystemTimeField);
            }
            else if (Number(fields, ParentField) == processId)
            {
                ticks += Number(fields, UserTimeField) + Number(fields, SystemTimeField);
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The fields after the program's name, which may itself hold spaces; null once the process is gone.</summary>
    private static string[]? Fields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Number(string[] fields, int index) =>
        index < fields.Length && long.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
