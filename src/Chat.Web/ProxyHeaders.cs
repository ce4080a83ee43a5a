using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chat.Web;

/// <summary>
/// Behind a reverse proxy, the scheme, host and client address a request arrived
/// with are in the proxy's <c>X-Forwarded-*</c> headers. They are believed only from
/// the addresses listed in <c>ForwardedHeaders:KnownProxies</c>; with none listed
/// (the default) they are ignored, so nobody can claim another address or scheme.
/// </summary>
public static class ProxyHeaders
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // The framework trusts loopback by default; the contract trusts only listed proxies.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in KnownProxies(configuration))
            {
                options.KnownProxies.Add(proxy);
            }

            // With both lists empty the middleware would believe anyone: then it reads nothing.
            options.ForwardedHeaders = options.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        return services;
    }

    /// <summary>A list (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>) or one comma-separated value.</summary>
    private static IEnumerable<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesKey);
        var values = section.Get<string[]>() ?? [];
        if (values.Length == 0 && section.Value is { } single)
        {
            values = single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        foreach (var value in values)
        {
            yield return IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey} lists '{value}', which is not an IP address.");
        }
    }
}
