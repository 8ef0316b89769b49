using System.Net.WebSockets;

namespace BackendPrep.FakeDiscord.Gateway;

/// <summary>What a test can make the gateway do to the client.</summary>
public sealed partial class FakeGateway
{
    /// <summary>
    /// Sends a DISPATCH in the latest session. With no live connection it is only stored, so a RESUME replays it —
    /// exactly what Discord does with events a dropped client missed. Returns its sequence number.
    /// </summary>
    public async Task<long> DispatchAsync(string eventName, string json) => (await DispatchInSessionAsync(eventName, json)).Sequence;

    /// <summary>
    /// Like <see cref="DispatchAsync"/>, also saying which session the event joined: if the client later starts a new
    /// session instead of resuming that one, the event is lost to it, as on Discord.
    /// A test that dispatches as soon as it has seen the IDENTIFY waits (up to 20 s) for the session that IDENTIFY is
    /// starting: the op is recorded when it arrives, a moment before the session exists.
    /// </summary>
    public async Task<(string SessionId, long Sequence)> DispatchInSessionAsync(string eventName, string json)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            FakeConnection? connection;
            FakeSession? session;
            Task started;
            lock (_lock)
            {
                connection = _current;
                session = connection?.Session ?? _latestSession;
                started = _sessionStarted.Task;
            }

            if (session is not null)
                return (session.Id, await SendDispatchAsync(connection?.Session == session ? connection : null, session, eventName, json));
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                throw new InvalidOperationException("no session yet");
            await started.WaitAsync(remaining).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Closes the live connection with a close code (4000, 4009, 4014…).</summary>
    public Task CloseAsync(int code, string reason = "scripted") => CloseCurrentAsync(Live(), code, reason);

    /// <summary>Drops TCP without a close frame, like a network failure.</summary>
    public void Drop() => Live().Socket.Abort();

    /// <summary>
    /// Turns the live connection into a zombie: it stays open but no heartbeat is ACKed, so the client must notice the
    /// missing ACK, close with a resumable code and resume elsewhere. Unlike <see cref="AckHeartbeats"/> it ends with
    /// the connection.
    /// </summary>
    public void BecomeZombie() => Live().Zombie = true;

    /// <summary>op 7: the client should reconnect and resume.</summary>
    public Task RequestReconnectAsync() => Live().SendAsync("""{"op":7,"d":null}""");

    /// <summary>op 9 with d = <paramref name="resumable"/>.</summary>
    public Task InvalidateSessionAsync(bool resumable) => Live().SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""");

    /// <summary>op 1 from the server: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => Live().SendAsync("""{"op":1,"d":null}""");

    /// <summary>Sends raw text, optionally split into WebSocket frames of <paramref name="fragmentSize"/> bytes.</summary>
    public Task SendRawAsync(string text, int fragmentSize = 0) => Live().SendAsync(text, fragmentSize);

    /// <summary>Forgets every session, so the next RESUME is refused with op 9 false (as after a long outage).</summary>
    public void ForgetSessions()
    {
        lock (_lock)
        {
            _sessions.Clear();
            _latestSession = null;
        }
    }

    public bool IsConnected
    {
        get
        {
            lock (_lock)
            {
                return _current is { Socket.State: WebSocketState.Open };
            }
        }
    }

    private FakeConnection Live()
    {
        lock (_lock)
        {
            return _current ?? throw new InvalidOperationException("no client is connected");
        }
    }
}
