using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Support;

/// <summary>A temporary folder for one test's SQLite file (<see cref="DatabasePath"/>), deleted with the test.</summary>
public sealed class DatabaseFolder(string prefix) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory(prefix);

    public string DatabasePath => Path.Combine(_folder.FullName, "chat.db");

    public void Dispose()
    {
        // The test's own pooled connections would keep the file open.
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
