namespace Chat.Bench.Hosting;

internal static class RepositoryRoot
{
    private const string SolutionFile = "Chat.sln";

    /// <summary>
    /// The bench runs from its build output inside the repository, so the
    /// nearest folder above it holding the solution is the repository root.
    /// </summary>
    public static string Locate(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            return File.Exists(Path.Combine(explicitRoot, SolutionFile))
                ? Path.GetFullPath(explicitRoot)
                : throw new InvalidOperationException($"{SolutionFile} not found in {explicitRoot}");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory}; pass --repo");
    }
}
