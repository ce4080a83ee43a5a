using Microsoft.Extensions.Configuration.Memory;

namespace Chat.Web;

/// <summary>
/// What a fresh install relies on, in code so that it holds without appsettings.json:
/// the offline robot <c>eliza</c> on offer, and framework logging kept quiet (no line
/// per SQL statement). Added as the lowest-priority configuration source, so
/// appsettings*.json, environment variables and the command line still override each value.
/// </summary>
public static class HostDefaults
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",

        // The hub refuses calls by throwing HubException, which SignalR logs as an error.
        // None rather than Critical: while any level is on, SignalR builds an activity's tags
        // for every hub call (and starts the activity when the call carries trace headers)
        // so that its log lines could name it; that is 170 bytes a call (ADR-004).
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = "None",
        ["Robot:Models:eliza:Provider"] = "Offline",
        ["Robot:Models:eliza:Seed"] = "1",
    };

    /// <summary>Puts <see cref="Settings"/> under every other configuration source.</summary>
    public static ConfigurationManager AddHostDefaults(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ((IConfigurationBuilder)configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = Settings });
        return configuration;
    }
}
