using System.Diagnostics;

namespace Chat.Bench.Hosting;

/// <summary>One process of the chat service, run from its build output as an operator runs it: settings on the command line.</summary>
internal static class ChatServiceProcess
{
    private const string ServiceAssembly = "Chat.Web.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The bench measures throughput: its clients sign up from one address and each
    /// sends faster than a person, so the request limits are switched off ("0") or set
    /// too high to be reached.
    /// </summary>
    public static IEnumerable<string> Limits(string limit) =>
    [
        $"--Limits:RegistrationsPerMinute={limit}", $"--Limits:LobbyActionsPerMinute={limit}",
        $"--Limits:MessagesPerSecond={limit}", $"--Limits:MessageBurst={limit}",
    ];

    /// <summary>Starts the service on <paramref name="baseUri"/> and returns once <paramref name="probePath"/> answers.</summary>
    public static async Task<ChildServer> StartAsync(string repositoryRoot, string configuration, Uri baseUri, IEnumerable<string> settings, string probePath)
    {
        var outputFolder = ServiceBuild.OutputFolder(repositoryRoot, configuration);
        var assembly = Path.Combine(outputFolder, ServiceAssembly);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} not found: build the service or drop --no-build");
        }
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = outputFolder,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var argument in new[] { assembly, "--urls", baseUri.ToString() }.Concat(settings))
        {
            startInfo.ArgumentList.Add(argument);
        }
        var server = ChildServer.Start(startInfo);
        try
        {
            await server.WaitUntilAnsweringAsync(new Uri(baseUri, probePath), StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
