using System.Net;
using System.Net.Sockets;

namespace Chat.Bench.Hosting;

internal static class FreePort
{
    /// <summary>Asks the OS for an unused loopback port; the tiny race until the child binds it is acceptable here.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri LoopbackUri(int port) => new($"http://127.0.0.1:{port}");
}
