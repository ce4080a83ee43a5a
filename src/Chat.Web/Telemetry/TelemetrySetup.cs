using Chat.Application.Common.Telemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chat.Web.Telemetry;

/// <summary>
/// Exports the service's traces, metrics and logs by OTLP when, and only when,
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (as an environment variable or any other
/// configuration source). Without it nothing is collected or exported: the
/// <see cref="ChatTelemetry"/> instruments then cost a check for listeners. Log scopes
/// are captured only for an output that writes them (<see cref="LogScopes"/>).
/// </summary>
/// <remarks>
/// The other standard variables are the exporter's own (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </remarks>
public static class TelemetrySetup
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string DefaultServiceName = "chat";

    /// <summary>SignalR's own activities: one per hub method invocation, the parent of <see cref="ChatTelemetry.Activities.SendMessage"/>.</summary>
    public const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    /// <summary>Whether this configuration exports telemetry: an OTLP endpoint is set.</summary>
    public static bool Exports(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);
    }

    public static IServiceCollection AddChatTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogScopesWhenWritten(configuration);
        if (!Exports(configuration))
        {
            return services;
        }

        var named = !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!named)
                {
                    resource.AddService(DefaultServiceName);
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(ChatTelemetry.Name, SignalRSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(ChatTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter());
        return services;
    }
}
