namespace Chat.Testing.Servers;

/// <summary>Finds the machine's own server programs: on PATH, then in the sbin folders that are not on a user's PATH.</summary>
public static class Binaries
{
    private static readonly string[] SystemFolders = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/usr/local/bin"];

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
