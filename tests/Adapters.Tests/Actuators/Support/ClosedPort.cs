using System.Net;
using System.Net.Sockets;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>A loopback URL nothing listens on (the port was bound, then released), so connections are refused.</summary>
public static class ClosedPort
{
    public static Uri Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
