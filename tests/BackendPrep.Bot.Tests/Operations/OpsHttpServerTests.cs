using System.Net;
using System.Net.Sockets;
using System.Text;
using BackendPrep.Bot.Operations.OpsHttp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Operations;

/// <summary>The ops port's own HTTP server over real sockets on 127.0.0.1, with raw requests to reach its bounds.</summary>
public sealed class OpsHttpServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<OpsHttpRequest> _seen = [];
    private OpsHttpServer _server = null!;
    private IPEndPoint _endpoint = null!;

    private OpsHttpLimits Limits { get; set; } = new();

    public Task InitializeAsync() => StartAsync(new OpsHttpLimits());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task StartAsync(OpsHttpLimits limits)
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Limits = limits;
        _server = new OpsHttpServer(new IPEndPoint(IPAddress.Loopback, 0), HandleAsync, limits, _time, NullLogger.Instance);
        _endpoint = _server.Start();
    }

    private Task<OpsHttpResponse> HandleAsync(OpsHttpRequest request, CancellationToken cancellationToken)
    {
        lock (_seen)
            _seen.Add(request);
        return request.Path switch
        {
            "/boom" => throw new InvalidOperationException("handler bug"),
            _ => Task.FromResult(new OpsHttpResponse(200, "hello"u8.ToArray(), "text/plain")),
        };
    }

    [Fact]
    public async Task A_get_is_answered_in_full_with_its_length_and_connection_close_then_the_connection_ends()
    {
        var response = await ExchangeAsync("GET /hello?x=1 HTTP/1.1\r\nHost: ops\r\nOrigin: http://page.example\r\n\r\n");

        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", response);
        var request = Assert.Single(_seen);
        Assert.Equal(new OpsHttpRequest("GET", "/hello", HasOrigin: true, ContentLength: 0), request);
    }

    [Fact]
    public async Task Head_gets_the_fields_of_a_get_without_the_body()
    {
        var response = await ExchangeAsync("HEAD / HTTP/1.1\r\nHost: ops\r\n\r\n");

        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n", response);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /\r\n\r\n", 400)]
    [InlineData("get / HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET http://other/ HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1 extra\r\n\r\n", 400)]
    [InlineData("GET / HTTX/1.1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nNo colon here\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/2.0\r\n\r\n", 505)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 411)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n", 413)]
    public async Task A_malformed_or_unsupported_request_is_refused_without_reaching_the_handler(string request, int status)
    {
        var response = await ExchangeAsync(request);

        Assert.StartsWith($"HTTP/1.1 {status} ", response, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", response, StringComparison.Ordinal);
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task A_head_of_exactly_the_bound_is_served_and_one_byte_more_is_431()
    {
        var atBound = Padded(Limits.MaxHeadBytes, "\r\n\r\n");
        var overBound = Padded(Limits.MaxHeadBytes, "\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", await ExchangeAsync(atBound), StringComparison.Ordinal);
        // The bound is full and no blank line came: refused without reading on, whatever else the client would send.
        Assert.StartsWith("HTTP/1.1 431 ", await ExchangeAsync(overBound), StringComparison.Ordinal);
        Assert.Single(_seen);
    }

    [Fact]
    public async Task A_small_body_is_drained_and_the_request_served()
    {
        var response = await ExchangeAsync("POST /backup HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(_seen).ContentLength);
    }

    [Fact]
    public async Task A_client_that_stops_sending_its_head_gets_408_once_the_read_timeout_passes()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_endpoint);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: ops\r\n"u8.ToArray());
        var reading = ReadToEndAsync(stream);

        // The server arms its timer when it accepts, which this test cannot observe: advance until it has fired.
        while (!reading.IsCompleted)
        {
            _time.Advance(Limits.ReadTimeout);
            await Task.WhenAny(reading, Task.Delay(10));
        }

        Assert.StartsWith("HTTP/1.1 408 ", await reading, StringComparison.Ordinal);
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task Before_the_read_timeout_a_slow_client_is_still_served()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_endpoint);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());
        _time.Advance(Limits.ReadTimeout - TimeSpan.FromMilliseconds(1));
        await stream.WriteAsync("Host: ops\r\n\r\n"u8.ToArray());

        Assert.StartsWith("HTTP/1.1 200 ", await ReadToEndAsync(stream), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_over_the_bound_are_answered_503_while_the_bound_is_held()
    {
        await StartAsync(new OpsHttpLimits { MaxConnections = 1 });
        using var holder = new TcpClient();
        await holder.ConnectAsync(_endpoint);
        var held = holder.GetStream();
        await held.WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());

        // Accepted in order: the holder has the one slot, so the next connection is refused at once.
        Assert.StartsWith("HTTP/1.1 503 ", await ExchangeAsync("GET / HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);

        await held.WriteAsync("\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 200 ", await ReadToEndAsync(held), StringComparison.Ordinal);
        // The slot is freed just after the holder's socket closes, so the next request may still meet the bound once or twice.
        var next = "";
        for (var attempt = 0; attempt < 100 && !next.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal); attempt++)
            next = await ExchangeAsync("GET / HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_is_a_500_and_the_server_keeps_serving()
    {
        Assert.StartsWith("HTTP/1.1 500 ", await ExchangeAsync("GET /boom HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 ", await ExchangeAsync("GET / HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_closes_an_idle_connection_and_the_port()
    {
        using var idle = new TcpClient();
        await idle.ConnectAsync(_endpoint);
        await idle.GetStream().WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());

        await _server.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        // Closed without an answer: a FIN, or a reset when the request's bytes were still unread in the socket.
        try
        {
            Assert.Equal("", await ReadToEndAsync(idle.GetStream()));
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }

        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(_endpoint));
    }

    /// <summary>A head of exactly <paramref name="bytes"/> bytes ending in <paramref name="end"/>, padded with a header field.</summary>
    private static string Padded(int bytes, string end)
    {
        const string start = "GET / HTTP/1.1\r\nX-Pad: ";
        return start + new string('a', bytes - start.Length - end.Length) + end;
    }

    private async Task<string> ExchangeAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_endpoint);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        return await ReadToEndAsync(stream);
    }

    /// <summary>Everything until the server closes; the 20 s is a hang guard, not a timing assertion.</summary>
    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(20));
        return Encoding.ASCII.GetString(received.ToArray());
    }
}
