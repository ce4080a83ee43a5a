using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Limits;

/// <summary>The server with no <c>Limits</c> settings at all: the defaults apply.</summary>
public sealed class DefaultLimitsApp : ChatApp
{
    public DefaultLimitsApp()
    {
        foreach (var key in TestLimits.Off.Keys)
        {
            Settings.Remove(key);
        }
    }
}

/// <summary>Small limits, so a test reaches them quickly. Registrations stay off: the tests sign up from one address.</summary>
public sealed class TightLimitsApp : ChatApp
{
    public const int LobbyActionsPerMinute = 3;
    public const int MessagesPerSecond = 2;
    public const int MessageBurst = 3;

    public TightLimitsApp()
    {
        Settings["Limits:LobbyActionsPerMinute"] = $"{LobbyActionsPerMinute}";
        Settings["Limits:MessagesPerSecond"] = $"{MessagesPerSecond}";
        Settings["Limits:MessageBurst"] = $"{MessageBurst}";
    }
}

/// <summary>A configured registration limit; the others off.</summary>
public sealed class RegistrationLimitApp : ChatApp
{
    public const int RegistrationsPerMinute = 3;

    public RegistrationLimitApp() => Settings["Limits:RegistrationsPerMinute"] = $"{RegistrationsPerMinute}";
}

/// <summary>
/// Plain HTTP from a loopback address of its choosing (127.0.0.2, 127.0.0.3, ...), so a
/// test can be a client address of its own: the server sees it as the socket's peer.
/// </summary>
public sealed class AddressClient : IDisposable
{
    private readonly HttpClient _http;

    public AddressClient(Uri baseAddress, IPAddress local)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public Task<HttpResponseMessage> Register(string username) =>
        _http.PostAsJsonAsync(new Uri("/api/register", UriKind.Relative), new { username }, Wire.Json, TestContext.Current.CancellationToken);

    public void Dispose() => _http.Dispose();
}
