using System.Net;
using System.Net.Sockets;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// A loopback TCP relay in front of a real service. <see cref="Cut"/> closes the listener and every relayed
/// connection, which is what the server sees when the service's host or network goes away; <see cref="Restore"/>
/// listens on the same port again. The shared service itself is never stopped.
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();
    private Task _accepting = Task.CompletedTask;

    public TcpForwarder(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Listen(0);
    }

    public int Port { get; private set; }

    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        _cut.Dispose();
        _cut = new CancellationTokenSource();
        Listen(Port);
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _cut.Dispose();
    }

    private void Listen(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener, _cut.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cut);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = RelayAsync(inbound, outbound, cut);
        }
    }

    private async Task RelayAsync(TcpClient inbound, TcpClient outbound, CancellationToken cut)
    {
        try
        {
            await outbound.ConnectAsync(_target, cut);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cut);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), both.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // A cut connection ends here; the service side sees its client go away, as after a network failure.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
