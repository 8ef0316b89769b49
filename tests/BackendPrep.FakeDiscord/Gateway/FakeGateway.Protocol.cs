using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BackendPrep.FakeDiscord.Gateway;

public sealed partial class FakeGateway
{
    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeConnection(socket, Interlocked.Increment(ref _connections));
        lock (_lock)
        {
            _current = connection;
        }

        ConnectionChanged();
        try
        {
            await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
            await ReceiveLoopAsync(connection);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client dropped the connection; that is a case under test, not an error.
        }
        finally
        {
            lock (_lock)
            {
                if (_current == connection)
                {
                    _current = null;
                }
            }

            ConnectionChanged();
        }
    }

    private async Task ReceiveLoopAsync(FakeConnection connection)
    {
        var buffer = new byte[64 * 1024];
        while (connection.Socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Record(new GatewayReceived(connection.Number, -1, JsonValue.Create((int?)result.CloseStatus), result.CloseStatusDescription ?? "", DateTimeOffset.UtcNow));
                    await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var raw = Encoding.UTF8.GetString(message.ToArray());
            var node = JsonNode.Parse(raw)!.AsObject();
            var op = node["op"]!.GetValue<int>();
            Record(new GatewayReceived(connection.Number, op, node["d"]?.DeepClone(), raw, DateTimeOffset.UtcNow));
            await AnswerAsync(connection, op, node["d"]);
        }
    }

    private async Task AnswerAsync(FakeConnection connection, int op, JsonNode? data)
    {
        switch (op)
        {
            case 1 when AckHeartbeats && !connection.Zombie:
                await connection.SendAsync("""{"op":11}""");
                break;
            case 2:
                await IdentifyAsync(connection, data);
                break;
            case 6:
                await ResumeAsync(connection, data);
                break;
        }
    }

    private async Task IdentifyAsync(FakeConnection connection, JsonNode? data)
    {
        if (data?["token"]?.GetValue<string>() != token)
        {
            await CloseCurrentAsync(connection, 4004, "Authentication failed.");
            return;
        }

        if (CloseOnIdentify is { } code)
        {
            await CloseCurrentAsync(connection, code, "scripted");
            return;
        }

        var session = new FakeSession(Guid.NewGuid().ToString("N"));
        lock (_lock)
        {
            _sessions[session.Id] = session;
            _latestSession = session;
            _sessionStarted.TrySetResult();
            _sessionStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        connection.Session = session;
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeUrl,
            ["user"] = new JsonObject { ["id"] = botUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["username"] = "fake-bot" },
            ["application"] = new JsonObject { ["id"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["flags"] = 0 },
            ["guilds"] = new JsonArray(),
        };
        await SendDispatchAsync(connection, session, "READY", ready.ToJsonString());
    }

    private async Task ResumeAsync(FakeConnection connection, JsonNode? data)
    {
        var id = data?["session_id"]?.GetValue<string>() ?? "";
        FakeSession? session;
        lock (_lock)
        {
            _sessions.TryGetValue(id, out session);
        }

        if (session is null || data?["token"]?.GetValue<string>() != token)
        {
            await connection.SendAsync("""{"op":9,"d":false}""");
            return;
        }

        connection.Session = session;
        var from = data?["seq"]?.GetValue<long?>() ?? 0;
        List<(long Seq, string Event, string Data)> missed;
        lock (_lock)
        {
            missed = [.. session.Events.Where(e => e.Seq > from)];
        }

        foreach (var (seq, name, json) in missed)
        {
            await connection.SendAsync(Frame(seq, name, json));
        }

        await SendDispatchAsync(connection, session, "RESUMED", "{}");
    }

    private async Task<long> SendDispatchAsync(FakeConnection? connection, FakeSession session, string name, string json)
    {
        long seq;
        lock (_lock)
        {
            seq = ++session.Sequence;
            session.Events.Add((seq, name, json));
        }

        if (connection is not null && connection.Socket.State == WebSocketState.Open)
        {
            try
            {
                await connection.SendAsync(Frame(seq, name, json));
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The socket died under the send: the event stays in the session, so a RESUME replays it.
            }
        }

        return seq;
    }

    private static string Frame(long seq, string name, string json) =>
        $$"""{"op":0,"s":{{seq}},"t":{{JsonSerializer.Serialize(name)}},"d":{{json}}}""";

    private static async Task CloseCurrentAsync(FakeConnection connection, int code, string reason)
    {
        await connection.SendLock.WaitAsync();
        try
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }
}
