using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

/// <summary>
/// Snowflakes travel as JSON strings (they exceed the 2^53 safe range of JavaScript numbers). Reads a string or a
/// number, writes a string.
/// </summary>
public sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetUInt64();
        if (reader.TokenType == JsonTokenType.String)
        {
            ReadOnlySpan<byte> span = reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            if (Utf8Parser.TryParse(span, out ulong value, out var consumed) && consumed == span.Length)
                return value;
        }
        throw new JsonException("Expected a snowflake (decimal string).");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }
}

/// <summary>Permission bitsets are decimal strings on the wire (they need more than 53 bits).</summary>
public sealed class PermissionsConverter : JsonConverter<DiscordPermissions>
{
    private static readonly SnowflakeConverter Inner = new();

    public override DiscordPermissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (DiscordPermissions)Inner.Read(ref reader, typeof(ulong), options);

    public override void Write(Utf8JsonWriter writer, DiscordPermissions value, JsonSerializerOptions options) =>
        Inner.Write(writer, (ulong)value, options);
}

/// <summary>A command choice value: a string, an integer or a double on the wire.</summary>
public sealed class ChoiceValueConverter : JsonConverter<ChoiceValue>
{
    public override ChoiceValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new ChoiceValue(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out var l) => new ChoiceValue(l),
            JsonTokenType.Number => new ChoiceValue(reader.GetDouble()),
            _ => throw new JsonException("Expected a string or number choice value."),
        };

    public override void Write(Utf8JsonWriter writer, ChoiceValue value, JsonSerializerOptions options)
    {
        if (value.String is not null)
            writer.WriteStringValue(value.String);
        else if (value.Integer is { } l)
            writer.WriteNumberValue(l);
        else
            writer.WriteNumberValue(value.Number ?? 0);
    }
}

/// <summary>One of string, integer or number, as Discord allows for choices.</summary>
[JsonConverter(typeof(ChoiceValueConverter))]
public readonly record struct ChoiceValue
{
    public ChoiceValue(string value) => String = value;
    public ChoiceValue(long value) => Integer = value;
    public ChoiceValue(double value) => Number = value;

    public string? String { get; }
    public long? Integer { get; }
    public double? Number { get; }

    public static implicit operator ChoiceValue(string value) => new(value);
    public static implicit operator ChoiceValue(long value) => new(value);
    public static implicit operator ChoiceValue(int value) => new((long)value);
    public static implicit operator ChoiceValue(double value) => new(value);

    public override string ToString() =>
        String ?? Integer?.ToString(CultureInfo.InvariantCulture) ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
