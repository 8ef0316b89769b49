using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using BackendPrep.Discord.Gateway;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// The bot's gateway → dispatcher channel, recording every INTERACTION_CREATE the gateway actually read and handed on.
/// That is what "delivered to the bot" means in the chaos run: an event sent on a socket that died before the bot read
/// it, in a session that could not be resumed, never reached the bot (Discord does not replay it either).
/// </summary>
internal sealed class DeliveryLog : Channel<GatewayDispatch>
{
    private readonly ConcurrentDictionary<ulong, int> _interactions = new();
    private int _unreadable;

    public DeliveryLog(int capacity = 1024)
    {
        var inner = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        Reader = inner.Reader;
        Writer = new RecordingWriter(inner.Writer, this);
    }

    /// <summary>Interaction ids the gateway handed on, with how many times (more than once: replayed after a resume).</summary>
    public IReadOnlyDictionary<ulong, int> Interactions => _interactions;

    /// <summary>INTERACTION_CREATE dispatches whose id could not be read.</summary>
    public int Unreadable => Volatile.Read(ref _unreadable);

    public bool Delivered(ulong id) => _interactions.ContainsKey(id);

    private void Record(GatewayDispatch dispatch)
    {
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            return;
        }

        if (TryReadId(dispatch.Data, out var id))
        {
            _interactions.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
        else
        {
            Interlocked.Increment(ref _unreadable);
        }
    }

    private static bool TryReadId(ReadOnlyMemory<byte> data, out ulong id)
    {
        id = 0;
        try
        {
            using var doc = JsonDocument.Parse(data);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("id", out var value)
                && value.ValueKind == JsonValueKind.String
                && ulong.TryParse(value.GetString(), out id);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed class RecordingWriter(ChannelWriter<GatewayDispatch> inner, DeliveryLog log) : ChannelWriter<GatewayDispatch>
    {
        public override bool TryWrite(GatewayDispatch item)
        {
            if (!inner.TryWrite(item))
            {
                return false;
            }

            log.Record(item);
            return true;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inner.WaitToWriteAsync(cancellationToken);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);
    }
}
