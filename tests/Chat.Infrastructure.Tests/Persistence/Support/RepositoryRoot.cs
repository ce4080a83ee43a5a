namespace Chat.Infrastructure.Tests.Persistence.Support;

/// <summary>The checkout the tests were built from, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Chat.sln";

    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory}.");
    }
}
