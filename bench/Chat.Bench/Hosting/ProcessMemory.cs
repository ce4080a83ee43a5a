using System.Diagnostics;
using System.Globalization;

namespace Chat.Bench.Hosting;

/// <summary>
/// A process's memory as the kernel counts it: resident (the working set) and,
/// of that, the anonymous part (the heaps and stacks, the process's own private
/// memory, as opposed to mapped files such as its assemblies).
/// </summary>
internal sealed record ProcessMemory(long ResidentBytes, long AnonymousBytes)
{
    public static ProcessMemory Of(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        if (File.Exists(status))
        {
            var lines = File.ReadAllLines(status);
            return new ProcessMemory(Kilobytes(lines, "VmRSS:") * 1024, Kilobytes(lines, "RssAnon:") * 1024);
        }
        process.Refresh();
        return new ProcessMemory(process.WorkingSet64, process.PrivateMemorySize64);
    }

    /// <summary>Reads a line such as <c>VmRSS:   123456 kB</c>.</summary>
    private static long Kilobytes(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var number = line?[field.Length..].Trim().Split(' ')[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes : 0;
    }
}
