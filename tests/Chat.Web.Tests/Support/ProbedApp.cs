using System.Collections.Concurrent;
using System.Diagnostics;
using Chat.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Support;

/// <summary>What the service's own hub filters had done by the time a connection opened.</summary>
/// <param name="CookiesKept">The connection's request's Cookie header values and parsed cookies; null without a request.</param>
public sealed record ConnectionOpening(string? User, bool HadActivity, HubCaller? RememberedCaller, int? CookiesKept);

/// <summary>
/// The service with one more hub filter, after its own, that notes as each connection
/// opens what the pipeline before it left: for tests of how the whole pipeline is put
/// together, which a hub call's result cannot show.
/// </summary>
public sealed class ProbedApp : ChatApp
{
    public ConcurrentQueue<ConnectionOpening> Opened { get; } = new();

    /// <summary>Every reading of a sign-in cookie: whose it was, and the sign-in's properties, held weakly.</summary>
    private readonly ConcurrentQueue<(string? User, WeakReference Properties)> _signIns = new();

    /// <summary>
    /// How many of the states <paramref name="user"/>'s sign-in cookie was read into are
    /// still alive after a full collection: each request that reads the cookie makes one.
    /// </summary>
    public int SignInStatesAlive(string user)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return _signIns.Count(s => s.User == user && s.Properties.IsAlive);
    }

    /// <summary>How many times <paramref name="user"/>'s sign-in cookie has been read.</summary>
    public int SignInsRead(string user) => _signIns.Count(s => s.User == user);

    /// <summary>
    /// The one opening noted for <paramref name="user"/>'s connections. SignalR answers a
    /// client's handshake before it runs the hub filters' <c>OnConnectedAsync</c>, so a
    /// connected client's opening may not have been noted yet: this waits for it.
    /// </summary>
    public async Task<ConnectionOpening> OpeningOf(string user)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (!Opened.Any(o => o.User == user) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }

        return Assert.Single(Opened, o => o.User == user);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<HubOptions>(options => options.AddFilter(new OpeningProbe(Opened)));
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                var validate = options.Events.OnValidatePrincipal;
                options.Events.OnValidatePrincipal = context =>
                {
                    _signIns.Enqueue((context.Principal?.Identity?.Name, new WeakReference(context.Properties)));
                    return validate(context);
                };
            });
        });
    }

    private sealed class OpeningProbe(ConcurrentQueue<ConnectionOpening> opened) : IHubFilter
    {
        public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            opened.Enqueue(new ConnectionOpening(
                context.Context.User?.Identity?.Name,
                Activity.Current is not null,
                context.Context.Features.Get<HubCaller>(),
                CookiesKept(context.Context.GetHttpContext())));
            return next(context);
        }

        private static int? CookiesKept(HttpContext? request) =>
            request is null ? null : request.Request.Headers.Cookie.Count + request.Request.Cookies.Count;
    }
}
