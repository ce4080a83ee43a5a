using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Bench.Relay;

internal static class RelayServer
{
    public const string Verb = "relay-server";
    public const string ParentArgument = "--parent-pid";
    public const string HubPath = "/chat";
    public const string ProbePath = "/health";

    /// <summary>Runs until the bench ends it or itself ends; takes the usual host arguments such as --urls.</summary>
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Framework categories log at Warning in the chat service too, so neither side pays for chatter the other skips.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        app.MapGet(ProbePath, () => "relay");
        app.MapHub<RelayHub>(HubPath);
        StopWithParent(app, app.Configuration[ParentArgument.TrimStart('-')]);
        await app.RunAsync();
    }

    /// <summary>A bench killed outright cannot end its children, so the relay watches it and leaves with it.</summary>
    private static void StopWithParent(WebApplication app, string? parentId)
    {
        if (!int.TryParse(parentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                using var parent = Process.GetProcessById(id);
                await parent.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            await app.StopAsync();
        });
    }
}
