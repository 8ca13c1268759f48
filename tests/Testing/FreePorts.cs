using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Autoscaler.Testing;

/// <summary>
/// Free loopback TCP ports for the servers tests start. A port is never handed out twice in one test process: two
/// ports asked for in a row (a silo's HTTP and gateway ports) could otherwise come back equal from the kernel before
/// either server has bound its own.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    /// <summary>A free port not handed out before in this process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("no free loopback port that was not handed out before");
        }
    }

    /// <summary><see cref="Next"/> as configuration text.</summary>
    public static string NextText() => Next().ToString(CultureInfo.InvariantCulture);
}
