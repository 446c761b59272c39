using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace MeritApi.Api.Tests.Resilience;

/// <summary>
/// A TCP proxy between the API under test and PostgreSQL that a test can break the way real outages break things,
/// without touching the shared test server: <see cref="Cut"/> (the server is down: open connections are reset and new
/// ones refused), <see cref="Stall"/> (the server hangs: connections are accepted but nothing comes back),
/// <see cref="Restore"/>, and a one-shot trap on the next client message containing a marker (e.g. <c>COMMIT</c>)
/// that drops the connection before that message reaches the server, or after it did but before its answer returns.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private volatile bool _stalled;
    private Trap? _trap;

    private DatabaseProxy(IPEndPoint server)
    {
        _server = server;
        Listen(0);
        Port = ((IPEndPoint)_listener!.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Starts a proxy in front of the server of the given connection string.</summary>
    public static async Task<DatabaseProxy> StartAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var addresses = await Dns.GetHostAddressesAsync(builder.Host!);
        return new DatabaseProxy(new IPEndPoint(addresses.First(a => a.AddressFamily == AddressFamily.InterNetwork), builder.Port));
    }

    /// <summary>The same connection string, through the proxy.</summary>
    public string Route(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>The server is down: every open connection is reset and new ones are refused.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }
        ResetAll();
    }

    /// <summary>The server hangs: connections are accepted, but nothing is forwarded either way.</summary>
    public void Stall() => _stalled = true;

    /// <summary>The server is back (as after a restart, connections cut or stalled before stay dead).</summary>
    public void Restore()
    {
        if (_stalled)
        {
            _stalled = false;
            ResetAll();
        }
        lock (_gate)
        {
            if (_listener is null)
                Listen(Port);
        }
    }

    /// <summary>
    /// Arms a one-shot trap: the next client message containing <paramref name="marker"/> drops its connection, either
    /// before the message is forwarded (<paramref name="deliverFirst"/> false: the server never sees it) or after the
    /// server got it and had time to act on it, swallowing its answer (true: e.g. a COMMIT that lands unacknowledged).
    /// The returned task completes when the trap has fired.
    /// </summary>
    public Task ArmTrap(string marker, bool deliverFirst)
    {
        var trap = new Trap(Encoding.UTF8.GetBytes(marker), deliverFirst);
        Volatile.Write(ref _trap, trap);
        return trap.Fired.Task;
    }

    /// <summary>Takes back a trap that has not fired.</summary>
    public void Disarm() => Volatile.Write(ref _trap, null);

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptLoopAsync(listener);
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (!_disposed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_disposed.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return; // stopped
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        client.NoDelay = true;
        var link = new Link(client);
        _links[link] = 0;
        try
        {
            // A hung server: the connection is accepted (the kernel does that) but never answered.
            while (_stalled && !link.IsClosed)
                await Task.Delay(50);
            if (link.IsClosed)
                return;
            try
            {
                await link.Server.ConnectAsync(_server);
            }
            catch (SocketException)
            {
                return;
            }
            link.Server.NoDelay = true;
            await Task.WhenAll(PumpAsync(link, toServer: true), PumpAsync(link, toServer: false));
        }
        finally
        {
            link.Reset();
            _links.TryRemove(link, out _);
        }
    }

    private async Task PumpAsync(Link link, bool toServer)
    {
        var from = toServer ? link.Client : link.Server;
        var to = toServer ? link.Server : link.Client;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                    break;
                // While stalled, whatever arrives is held back forever (dropped): the peer sees no answer.
                if (_stalled || link.Swallowing)
                    continue;
                if (toServer && Volatile.Read(ref _trap) is { } trap && Contains(buffer.AsSpan(0, read), trap.Marker) &&
                    Interlocked.CompareExchange(ref _trap, null, trap) == trap)
                {
                    if (trap.DeliverFirst)
                    {
                        link.Swallowing = true;
                        await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                        await Task.Delay(500); // the server acts on it; its answer is swallowed
                    }
                    // Fired before the cut: the API can see the reset and answer before this task runs on, and a test that
                    // then asks whether the trap fired must hear yes.
                    trap.Fired.TrySetResult();
                    link.Reset();
                    break;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
        link.Reset();
    }

    private static bool Contains(ReadOnlySpan<byte> data, byte[] marker) => data.IndexOf(marker) >= 0;

    private void ResetAll()
    {
        foreach (var link in _links.Keys)
            link.Reset();
    }

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }
        ResetAll();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record Trap(byte[] Marker, bool DeliverFirst)
    {
        public TaskCompletionSource Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One client connection and its connection to the server.</summary>
    private sealed class Link(Socket client)
    {
        private int _closed;

        public Socket Client { get; } = client;
        public Socket Server { get; } = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        public volatile bool Swallowing;
        public bool IsClosed => Volatile.Read(ref _closed) != 0;

        /// <summary>Both sides get a TCP reset, as when a server process dies.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
                return;
            foreach (var socket in new[] { Client, Server })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                }
                socket.Close();
            }
        }
    }
}
