using System.Diagnostics;
using Chat.Web.Endpoints;
using Chat.Web.Telemetry;

namespace Chat.Web.Hubs;

/// <summary>
/// Takes the request's activity off the hub's requests when no traces are exported.
/// ASP.NET Core starts an activity for every request while its hosting logs are on, so
/// that log lines can carry a trace id. A hub connection's request lasts as long as the
/// connection, and SignalR takes that activity off and puts it back around every hub
/// call: two changes to the execution context, each a new one, on every message
/// (ADR-004). With traces exported (<see cref="TelemetrySetup"/>) it stays: SignalR
/// links each hub call's activity to it.
/// </summary>
/// <remarks>
/// Hands on the next middleware's task without awaiting it, as <see cref="HubOriginCheck"/>
/// does, so a connection keeps no frame of it. Only the hub's requests lose the activity:
/// every other request, and the <c>trace_id</c> of its problem body, keeps it.
/// </remarks>
public sealed class HubRequestActivity(RequestDelegate next, IConfiguration configuration)
{
    private readonly bool _tracesExported = TelemetrySetup.Exports(configuration);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_tracesExported && context.Request.Path.StartsWithSegments(HubAddress.Path))
        {
            Activity.Current = null;
        }

        return next(context);
    }
}
