namespace Chat.Bench.Reporting;

/// <summary>
/// The machine is shared, so figures mean little without knowing what else
/// ran; the Linux load average is the cheapest honest hint.
/// </summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    public static string Describe()
    {
        if (!File.Exists(LoadAverageFile))
        {
            return "unknown";
        }
        var fields = File.ReadAllText(LoadAverageFile).Split(' ');
        return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]} (1 / 5 / 15 min)" : "unknown";
    }
}
