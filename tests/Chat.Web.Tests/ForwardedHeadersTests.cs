using System.Net;
using System.Net.Http.Json;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests;

/// <summary>
/// Behind a proxy listed in <c>ForwardedHeaders:KnownProxies</c>, the <c>ws</c> member
/// and the cookie's Secure flag follow the scheme and host the client used; from
/// anyone else the same headers change nothing.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task FromAKnownProxy_WsMemberAndCookieFollowTheForwardedSchemeAndHost()
    {
        await using var app = new ProxiedApp(knownProxy: "127.0.0.1");
        var (register, host) = await RegisterAndHost(app);

        Assert.Contains(register.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chat_auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("wss://chat.example/chat", host.Str("ws"));
    }

    [Fact]
    public async Task FromAnUnlistedAddress_ForwardedHeadersAreIgnored()
    {
        await using var app = new ProxiedApp(knownProxy: null);
        var (register, host) = await RegisterAndHost(app);

        Assert.DoesNotContain(register.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"ws://{app.BaseAddress.Authority}/chat", host.Str("ws"));
    }

    private static async Task<(HttpResponseMessage Register, System.Text.Json.JsonElement Host)> RegisterAndHost(ProxiedApp app)
    {
        // No cookie jar: the cookie is issued for https://chat.example, and is sent back by hand.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "chat.example");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var ct = TestContext.Current.CancellationToken;
        var register = await http.PostAsJsonAsync("/api/register", new { username = Unique.Name() }, Wire.Json, ct);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);

        var cookie = register.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("chat_auth=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/lobby", UriKind.Relative))
        {
            Content = JsonContent.Create(new { type = "host", room = Unique.Room() }),
        };
        request.Headers.Add("Cookie", cookie);
        var host = await Wire.Ok(await http.SendAsync(request, ct));
        return (register, host);
    }

    private sealed class ProxiedApp : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-web-tests-{Guid.NewGuid():N}");
        private readonly string? _knownProxy;

        public ProxiedApp(string? knownProxy)
        {
            _knownProxy = knownProxy;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }

        public Uri BaseAddress { get; }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Chat", $"Data Source={Path.Combine(_folder, "chat.db")}");
            if (_knownProxy is not null)
            {
                builder.UseSetting("ForwardedHeaders:KnownProxies:0", _knownProxy);
            }
        }
    }
}
