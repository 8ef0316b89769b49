using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackendPrep.FakeDiscord.Gateway;

/// <summary>A payload the client sent, as received.</summary>
public sealed record GatewayReceived(int Connection, int Op, JsonNode? Data, string Raw, DateTimeOffset At);

/// <summary>
/// Discord's gateway on 127.0.0.1, speaking the real protocol over real WebSockets: HELLO, heartbeat ACKs, IDENTIFY →
/// READY, RESUME with replay of missed events → RESUMED, op 7/9, close codes. Tests script it (send a dispatch, close
/// with a code, drop the socket, stop ACKing) and await what the client sent.
/// </summary>
public sealed partial class FakeGateway(string token, ulong applicationId, ulong botUserId)
{
    private readonly List<GatewayReceived> _received = [];
    private readonly List<(Func<GatewayReceived, bool> Match, TaskCompletionSource<GatewayReceived> Done)> _waiters = [];
    private readonly Dictionary<string, FakeSession> _sessions = [];
    private readonly Lock _lock = new();
    private FakeConnection? _current;
    private FakeSession? _latestSession;

    /// <summary>Completed (and replaced) whenever an IDENTIFY starts a session; dispatches sent early wait on it.</summary>
    private TaskCompletionSource _sessionStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;
    private TaskCompletionSource _connectionChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sent in HELLO. Tests that drive heartbeats with a fake clock may keep Discord's real 41.25 s.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>False makes the connection a zombie: heartbeats go unanswered.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>When set, an IDENTIFY is answered by closing with this code (4004, 4014…).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>Where READY tells the client to resume; defaults to this endpoint.</summary>
    public string ResumeUrl { get; set; } = "";

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<GatewayReceived> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<GatewayReceived> ReceivedOp(int op) => [.. Received.Where(r => r.Op == op)];

    public void Map(IEndpointRouteBuilder endpoints, string path = "/gateway") => endpoints.Map(path, HandleAsync);

    /// <summary>Waits for a payload from the client (already received ones count); the timeout is a failsafe only.</summary>
    public Task<GatewayReceived> WaitForAsync(Func<GatewayReceived, bool> match, TimeSpan? timeout = null)
    {
        lock (_lock)
        {
            var done = _received.FirstOrDefault(match);
            if (done is not null)
            {
                return Task.FromResult(done);
            }

            var tcs = new TaskCompletionSource<GatewayReceived>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, tcs));
            return tcs.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>Waits for the n-th payload with opcode <paramref name="op"/> (1-based).</summary>
    public async Task<GatewayReceived> WaitForOpAsync(int op, int nth = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var seen = ReceivedOp(op);
            if (seen.Count >= nth)
            {
                return seen[nth - 1];
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"op {op} #{nth} never arrived; received ops: {string.Join(",", Received.Select(r => r.Op))}");
            }

            var count = seen.Count;
            await WaitForAsync(r => r.Op == op && ReceivedOp(op).Count > count, remaining).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until the client has opened at least <paramref name="count"/> connections.</summary>
    public async Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Connections < count)
        {
            Task changed;
            lock (_lock)
            {
                changed = _connectionChanged.Task;
            }

            if (Connections >= count)
            {
                break;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"expected {count} connections, saw {Connections}");
            }

            await changed.WaitAsync(remaining).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Record(GatewayReceived received)
    {
        List<TaskCompletionSource<GatewayReceived>> done = [];
        lock (_lock)
        {
            _received.Add(received);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(received))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var tcs in done)
        {
            tcs.TrySetResult(received);
        }
    }

    private void ConnectionChanged()
    {
        TaskCompletionSource old;
        lock (_lock)
        {
            old = _connectionChanged;
            _connectionChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private sealed class FakeSession(string id)
    {
        public string Id { get; } = id;
        public long Sequence { get; set; }
        public List<(long Seq, string Event, string Data)> Events { get; } = [];
    }

    private sealed class FakeConnection(WebSocket socket, int number)
    {
        public WebSocket Socket { get; } = socket;
        public int Number { get; } = number;
        public SemaphoreSlim SendLock { get; } = new(1, 1);
        public FakeSession? Session { get; set; }

        /// <summary>Heartbeats on this connection go unanswered; the next connection is healthy again.</summary>
        public bool Zombie { get; set; }

        public async Task SendAsync(string text, int fragmentSize = 0)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await SendLock.WaitAsync();
            try
            {
                if (fragmentSize <= 0 || fragmentSize >= bytes.Length)
                {
                    await Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
                    return;
                }

                for (var at = 0; at < bytes.Length; at += fragmentSize)
                {
                    var count = Math.Min(fragmentSize, bytes.Length - at);
                    await Socket.SendAsync(bytes.AsMemory(at, count), WebSocketMessageType.Text, at + count >= bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                SendLock.Release();
            }
        }
    }
}
