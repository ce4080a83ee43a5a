using System.Globalization;

namespace Chat.Testing.Servers;

/// <summary>
/// The machine's own PostgreSQL server programs. They are looked up on PATH first,
/// then where Debian and Ubuntu install them (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>,
/// newest major first), which is not on PATH.
/// </summary>
public sealed record PostgreSqlBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static PostgreSqlBinaries? Find()
    {
        foreach (var folder in PathFolders().Concat(DebianFolders()))
        {
            var initDb = Path.Combine(folder, "initdb");
            var pgCtl = Path.Combine(folder, "pg_ctl");
            if (File.Exists(initDb) && File.Exists(pgCtl))
            {
                // pg_ctl finds the postgres program beside its own real location, so resolve links.
                return new PostgreSqlBinaries(RealPath(initDb), RealPath(pgCtl));
            }
        }

        return null;
    }

    public static string Where =>
        $"initdb and pg_ctl were found neither on PATH nor in {DebianRoot}/<major>/bin";

    private static string[] PathFolders() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> DebianFolders() =>
        Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(folder => (Folder: folder, Major: int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0))
                .OrderByDescending(v => v.Major)
                .Select(v => Path.Combine(v.Folder, "bin"))
            : [];

    private static string RealPath(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
