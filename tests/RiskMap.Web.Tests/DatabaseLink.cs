using System.Net;
using System.Net.Sockets;

namespace RiskMap.Web.Tests;

/// <summary>
/// A TCP relay between the service and PostgreSQL that a test can cut: every open connection drops and new ones are
/// closed as soon as they arrive, as during a server restart, for this one service only (other test classes share the
/// server, so the server itself is not restarted). <see cref="Restore"/> lets connections through again.
/// </summary>
public sealed class DatabaseLink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly List<TcpClient> _open = [];
    private volatile bool _cut;
    private int _refused;

    public DatabaseLink(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections closed on arrival since the link was cut.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            if (_cut)
            {
                Interlocked.Increment(ref _refused);
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_host, _port);
            lock (_open) _open.AddRange([client, server]);
            var up = client.GetStream().CopyToAsync(server.GetStream());
            var down = server.GetStream().CopyToAsync(client.GetStream());
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The link was cut or a side hung up: the other side sees its connection drop, as with a restart.
        }
        finally
        {
            client.Dispose();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        Cut();
    }
}
