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

    /// <summary>With a database file after it, the relay commits each message there first (<see cref="StoringRelayHub"/>).</summary>
    public const string StoreArgument = "--store";
    public const string HubPath = "/chat";
    public const string ProbePath = "/health";

    /// <summary>Runs until the bench ends it or itself ends; takes the usual host arguments such as --urls.</summary>
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Framework categories log at Warning in the chat service too, so neither side pays for chatter the other skips.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var storePath = builder.Configuration[StoreArgument.TrimStart('-')];
        builder.Services.AddSignalR(o =>
        {
            // A storing relay waits for each commit, and lets a client's calls wait for it
            // together as the service does (8); the bare relay never waits.
            if (storePath is not null)
            {
                o.MaximumParallelInvocationsPerClient = 8;
            }
        }).AddJsonProtocol(o =>
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

        if (storePath is not null)
        {
            builder.Services.AddSingleton(_ => new RelayStore(storePath));
        }

        var app = builder.Build();
        app.MapGet(ProbePath, () => "relay");
        if (storePath is null)
        {
            app.MapHub<RelayHub>(HubPath);
        }
        else
        {
            // Opened before the first connection, so that a database that cannot be made fails the start.
            _ = app.Services.GetRequiredService<RelayStore>();
            app.MapHub<StoringRelayHub>(HubPath);
        }
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
