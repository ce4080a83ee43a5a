using System.Diagnostics;

namespace Chat.Bench.Hosting;

internal static class ServiceBuild
{
    public static string ProjectFolder(string repositoryRoot) => Path.Combine(repositoryRoot, "src", "Chat.Web");

    public static string OutputFolder(string repositoryRoot, string configuration) =>
        Path.Combine(ProjectFolder(repositoryRoot), "bin", configuration, "net10.0");

    /// <summary>Builds the service so the bench always measures the current source in the intended configuration.</summary>
    public static async Task BuildAsync(string repositoryRoot, string configuration)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", ProjectFolder(repositoryRoot), "-c", configuration, "-nologo", "-v", "quiet" },
            UseShellExecute = false,
        };
        using var build = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet build");
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the service failed with exit code {build.ExitCode}");
        }
    }
}
