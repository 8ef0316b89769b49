using System.Text.Json;

namespace BackendPrep.Discord.Gateway;

/// <summary>
/// The envelope of one received gateway message: <c>op</c>, <c>s</c>, <c>t</c>, and <c>d</c> kept as raw UTF-8 so only
/// the consumer that cares pays for deserialising it. <c>s</c> and <c>t</c> may be absent or null.
/// </summary>
internal readonly record struct GatewayFrame(int Op, long? Sequence, string? EventName, ReadOnlyMemory<byte> Data)
{
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out GatewayFrame frame)
    {
        frame = default;
        int? op = null;
        long? seq = null;
        string? name = null;
        var data = ReadOnlyMemory<byte>.Empty;
        try
        {
            var reader = new Utf8JsonReader(utf8.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueSpan;
                reader.Read();
                if (property.SequenceEqual("op"u8) && reader.TokenType == JsonTokenType.Number)
                {
                    // 1.5 or 1e400 is a number but no opcode: the frame is garbage, not a reason to fail the client.
                    if (!reader.TryGetInt32(out var o))
                    {
                        return false;
                    }

                    op = o;
                }
                else if (property.SequenceEqual("s"u8) && reader.TokenType == JsonTokenType.Number)
                {
                    if (!reader.TryGetInt64(out var s))
                    {
                        return false;
                    }

                    seq = s;
                }
                else if (property.SequenceEqual("t"u8) && reader.TokenType == JsonTokenType.String)
                {
                    name = reader.GetString();
                }
                else if (property.SequenceEqual("d"u8))
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    data = utf8[start..(int)reader.BytesConsumed];
                    continue;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (op is null)
        {
            return false;
        }

        frame = new GatewayFrame(op.Value, seq, name, data);
        return true;
    }
}
