using System.Buffers;
using System.Net.WebSockets;

namespace BackendPrep.Discord.Gateway;

/// <summary>
/// One WebSocket connection: whole messages in (reassembled from frames into a pooled buffer), UTF-8 text out.
/// Knows nothing of opcodes; the session above it does.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);

    private GatewayConnection(int maxMessageBytes)
    {
        _maxMessageBytes = maxMessageBytes;

        // Discord's heartbeats replace WebSocket pings.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<GatewayConnection> ConnectAsync(Uri uri, int maxMessageBytes, CancellationToken cancellationToken)
    {
        var connection = new GatewayConnection(maxMessageBytes);
        try
        {
            await connection._socket.ConnectAsync(uri, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next whole text message, or null when the server closed (see <see cref="CloseStatus"/>).</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                if (length >= _maxMessageBytes)
                {
                    throw new GatewayProtocolException($"a gateway message exceeded {_maxMessageBytes} bytes");
                }

                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxMessageBytes));
                _buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, length);
            }
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with <paramref name="code"/>; never throws, since the socket may already be gone.</summary>
    public async Task CloseAsync(int code, string reason, TimeSpan timeout)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        ArrayPool<byte>.Shared.Return(Interlocked.Exchange(ref _buffer, []));
        return ValueTask.CompletedTask;
    }
}

/// <summary>The server broke the protocol (no HELLO, an oversized message): drop the connection and resume.</summary>
internal sealed class GatewayProtocolException(string message) : Exception(message);
