using System.Net.WebSockets;

namespace BackendPrep.FakeDiscord.Gateway;

/// <summary>What a test can make the gateway do to the client.</summary>
public sealed partial class FakeGateway
{
    /// <summary>
    /// Sends a DISPATCH in the latest session. With no live connection it is only stored, so a RESUME replays it —
    /// exactly what Discord does with events a dropped client missed. Returns its sequence number.
    /// </summary>
    public Task<long> DispatchAsync(string eventName, string json)
    {
        FakeConnection? connection;
        FakeSession session;
        lock (_lock)
        {
            connection = _current;
            session = connection?.Session ?? _sessions.Values.LastOrDefault() ?? throw new InvalidOperationException("no session yet");
        }

        return SendDispatchAsync(connection?.Session == session ? connection : null, session, eventName, json);
    }

    /// <summary>Closes the live connection with a close code (4000, 4009, 4014…).</summary>
    public Task CloseAsync(int code, string reason = "scripted") => CloseCurrentAsync(Live(), code, reason);

    /// <summary>Drops TCP without a close frame, like a network failure.</summary>
    public void Drop() => Live().Socket.Abort();

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
