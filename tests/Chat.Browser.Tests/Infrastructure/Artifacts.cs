namespace Chat.Browser.Tests.Infrastructure;

/// <summary>Folders under the test output where a reviewer finds what the tests saw.</summary>
internal static class Artifacts
{
    public static string Directory(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Empties a folder so it shows this run only.</summary>
    public static void Clear(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name);
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    public static string Screenshot(string scenario, string who) =>
        Path.Combine(Directory("screenshots"), $"{scenario}-{who}.png");
}
