using System.Net;
using System.Net.Sockets;

namespace Chat.Testing.Servers;

public static class FreePort
{
    /// <summary>Asks the OS for an unused loopback port; the tiny race until the caller's server binds it is acceptable here.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri LoopbackUri(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>True once something accepts TCP connections on the port.</summary>
    public static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
