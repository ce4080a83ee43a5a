using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Bench.Clients;

internal static class BenchHubConnection
{
    /// <summary>WebSockets straight away: negotiation is a round trip per connect that measures nothing we care about.</summary>
    public static HubConnection Create(Uri hubUri, CookieContainer? cookies) =>
        new HubConnectionBuilder()
            .WithUrl(hubUri, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
}
