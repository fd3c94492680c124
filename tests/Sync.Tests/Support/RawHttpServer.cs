using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>An HTTP server on a random loopback port that runs a handler per connection on the raw stream (to answer what the backend never would).</summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public RawHttpServer(Func<NetworkStream, Task> serve)
    {
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/graphql");
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                _ = Task.Run(async () =>
                {
                    using (connection)
                    {
                        try
                        {
                            await serve(connection.GetStream()).WaitAsync(_stop.Token);
                        }
                        catch (Exception)
                        {
                            // the test is over or the client left
                        }
                    }
                });
            }
        });
    }

    /// <summary>The server's URL (<c>http://127.0.0.1:port/graphql</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>Reads one request (headers, then the Content-Length body), so the client has sent it all before the answer.</summary>
    public static async Task ReadRequestAsync(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new StringBuilder();
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            int n = await stream.ReadAsync(buffer);
            if (n == 0) return;
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var length = received.ToString()[..headerEnd].Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var have = received.Length - headerEnd - 4;
        while (have < length)
        {
            int n = await stream.ReadAsync(buffer);
            if (n == 0) return;
            have += n;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
