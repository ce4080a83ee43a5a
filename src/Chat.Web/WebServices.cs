using Chat.Infrastructure;
using Chat.Web.Caching;
using Chat.Web.Endpoints;
using Chat.Web.Errors;
using Chat.Web.Hubs;
using Chat.Web.Identity;
using Chat.Web.Json;
using Chat.Web.Limits;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web;

public static class WebServices
{
    /// <summary>Largest REST body accepted; a chat API has no use for more.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddProxyHeaders();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Application.Common.Interfaces.ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddCookieSignIn();

        services.Configure<JsonOptions>(o => JsonConventions.Apply(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddSeedMembers);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddOutputCache(o => o.AddPolicy(CurrentListingPolicy.Name, b => b.AddPolicy<CurrentListingPolicy>(), excludeDefaultPolicy: true));
        services.AddChatLimits();
        services.AddApiDocument();

        services.AddSingleton<HubErrorFilter>();
        services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = ChatHubEndpoint.MaxReceiveMessageSize;
                o.MaximumParallelInvocationsPerClient = ChatHubEndpoint.MaxParallelInvocationsPerClient;
            })
            .AddJsonProtocol(o =>
            {
                JsonConventions.Apply(o.PayloadSerializerOptions);
                o.PayloadSerializerOptions.Converters.Add(new HubArgumentsConverter());
            });

        // The hub's filters, outermost first, as the service's own instances: SignalR calls an
        // instance directly, whereas a filter added by its type is looked up and awaited through
        // a wrapper of SignalR's on every hub call (ADR-004).
        services.AddOptions<HubOptions>().Configure<HubErrorFilter, HubLimitFilter>((o, errors, limits) =>
        {
            o.AddFilter(errors);
            o.AddFilter(limits);
        });
        services.AddSignalRBroadcaster<ChatHub>();
        services.AddPresenceSweeper();
        return services;
    }
}
