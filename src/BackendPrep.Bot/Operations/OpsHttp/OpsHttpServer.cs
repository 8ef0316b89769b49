using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Operations.OpsHttp;

/// <summary>
/// A minimal HTTP/1.1 server over a plain socket for the ops port: one request per connection, answered in full, then
/// closed. Kestrel did this job at about 9 MB resident (issue 10); the ops port needs three fixed routes, not a web stack.
/// </summary>
internal sealed class OpsHttpServer(
    IPEndPoint endpoint,
    Func<OpsHttpRequest, CancellationToken, Task<OpsHttpResponse>> handle,
    OpsHttpLimits limits,
    TimeProvider time,
    ILogger log) : IAsyncDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(endpoint);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _accepting = Task.CompletedTask;
    private int _open;

    /// <summary>Binds and starts accepting; returns the bound endpoint (port 0 resolved).</summary>
    public IPEndPoint Start()
    {
        _listener.Start(backlog: 16);
        _accepting = AcceptAsync();
        return (IPEndPoint)_listener.LocalEndpoint;
    }

    /// <summary>Stops accepting, cancels requests in flight and waits for their connections to close.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        if (Volatile.Read(ref _open) == 0)
            _drained.TrySetResult();
        await _drained.Task.WaitAsync(cancellationToken);
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A connection reset before it was accepted; the listener itself is fine.
                log.LogDebug(ex, "Ops port: accept failed");
                continue;
            }

            var overLimit = Interlocked.Increment(ref _open) > limits.MaxConnections;
            // Off the accept loop: a request already in the socket would otherwise be parsed and answered on it.
            _ = Task.Run(() => overLimit ? RefuseAsync(socket) : ServeAsync(socket));
        }
    }

    /// <summary>Over the connection bound: a 503 now rather than a queue that a slow client could fill.</summary>
    private async Task RefuseAsync(Socket socket)
    {
        try
        {
            using (socket)
            {
                using var deadline = new CancellationTokenSource(limits.WriteTimeout, time);
                await SendAllAsync(socket, new OpsHttpResponse(503).Head(), deadline.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            log.LogDebug(ex, "Ops port: refusing a connection over the bound failed");
        }
        finally
        {
            Release();
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using (socket)
            {
                var (request, response) = await ReadAsync(socket);
                if (request is not null)
                {
                    response = await AnswerAsync(request);
                }

                if (response is not null)
                {
                    using var timer = new CancellationTokenSource(limits.WriteTimeout, time);
                    using var writing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timer.Token);
                    await SendAllAsync(socket, response.Head(), writing.Token);
                    if (request is not { IsHead: true })
                        await SendAllAsync(socket, response.Body, writing.Token);
                }

                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, timed out while reading our answer, or the bot is stopping: nothing to tell it.
            log.LogDebug(ex, "Ops port: connection ended early");
        }
        finally
        {
            Release();
        }
    }

    /// <summary>
    /// Reads the head and drains any small body within <see cref="OpsHttpLimits.ReadTimeout"/>. Returns the request, or
    /// the refusal to send instead (431, 400, 411, 413, 505, 408 on timeout), or neither when the client closed first.
    /// </summary>
    private async Task<(OpsHttpRequest? Request, OpsHttpResponse? Refusal)> ReadAsync(Socket socket)
    {
        using var timer = new CancellationTokenSource(limits.ReadTimeout, time);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timer.Token);
        var buffer = new byte[limits.MaxHeadBytes];
        var filled = 0;
        try
        {
            int headEnd;
            while ((headEnd = buffer.AsSpan(0, filled).IndexOf(HeadEnd)) < 0)
            {
                if (filled == buffer.Length)
                    return (null, new OpsHttpResponse(431));
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, reading.Token);
                if (read == 0)
                    return (null, null);
                filled += read;
            }

            var (request, refusal) = RequestHead.Parse(buffer.AsSpan(0, headEnd));
            if (request is null)
                return (null, new OpsHttpResponse(refusal));
            if (request.ContentLength > limits.MaxBodyBytes)
                return (null, new OpsHttpResponse(413));

            // Drained, not kept: closing with unread bytes would reset the connection and could lose our answer.
            var unread = request.ContentLength - (filled - headEnd - HeadEnd.Length);
            while (unread > 0)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(unread, buffer.Length)), SocketFlags.None, reading.Token);
                if (read == 0)
                    return (null, null);
                unread -= read;
            }

            return (request, null);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            return (null, new OpsHttpResponse(408));
        }
    }

    private async Task<OpsHttpResponse> AnswerAsync(OpsHttpRequest request)
    {
        try
        {
            return await handle(request, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            log.LogError(ex, "Ops port: {Method} {Path} failed", request.Method, request.Path);
            return new OpsHttpResponse(500);
        }
    }

    /// <summary>A send may take only part of a buffer; the rest follows until all is out or the deadline passes.</summary>
    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _open) == 0 && _stopping.IsCancellationRequested)
            _drained.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }
}
