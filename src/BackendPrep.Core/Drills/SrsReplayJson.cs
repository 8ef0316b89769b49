using System.Globalization;
using System.Text.Json;

namespace BackendPrep.Core.Drills;

/// <summary>Input for <c>srs replay</c> that cannot be replayed; the message says where and why.</summary>
public sealed class SrsReplayFormatException : Exception
{
    public SrsReplayFormatException()
    {
    }

    public SrsReplayFormatException(string message)
        : base(message)
    {
    }

    public SrsReplayFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The JSON side of <c>srs replay</c>: reads <c>{"reviews":[{"at":ISO-8601,"rating":1-4},…]}</c> and writes
/// <c>{"states":[{"stability":…,"difficulty":…,"due":ISO-8601},…]}</c>, one state per review. A time without an
/// offset is taken as UTC; due times are written in UTC.
/// </summary>
public static class SrsReplayJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="SrsReplayFormatException">The input is not JSON of the expected shape.</exception>
    public static void Run(Stream input, Stream output, FsrsScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var document = Parse(() => JsonDocument.Parse(input, ReadOptions));
        Write(output, SrsReplay.Run(Reviews(document), scheduler));
    }

    /// <exception cref="SrsReplayFormatException">The input is not JSON of the expected shape.</exception>
    public static async Task RunAsync(Stream input, Stream output, CancellationToken cancellationToken, FsrsScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(input, ReadOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new SrsReplayFormatException($"input is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var states = SrsReplay.Run(Reviews(document), scheduler);
            using var buffer = new MemoryStream();
            Write(buffer, states);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
        }
    }

    private static JsonDocument Parse(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new SrsReplayFormatException($"input is not valid JSON: {e.Message}", e);
        }
    }

    private static List<ReplayReview> Reviews(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("reviews", out var reviews)
            || reviews.ValueKind != JsonValueKind.Array)
        {
            throw new SrsReplayFormatException("expected an object with a \"reviews\" array");
        }

        var list = new List<ReplayReview>();
        var i = 0;
        foreach (var review in reviews.EnumerateArray())
        {
            list.Add(new ReplayReview(At(review, i), RatingOf(review, i)));
            i++;
        }

        return list;
    }

    private static DateTimeOffset At(JsonElement review, int i)
    {
        if (review.ValueKind == JsonValueKind.Object
            && review.TryGetProperty("at", out var at)
            && at.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        throw new SrsReplayFormatException($"reviews[{i}].at must be an ISO-8601 date and time");
    }

    private static Rating RatingOf(JsonElement review, int i)
    {
        if (review.TryGetProperty("rating", out var rating)
            && rating.ValueKind == JsonValueKind.Number
            && rating.TryGetInt32(out var value)
            && value is >= 1 and <= 4)
        {
            return (Rating)value;
        }

        throw new SrsReplayFormatException($"reviews[{i}].rating must be 1, 2, 3 or 4");
    }

    private static void Write(Stream output, IReadOnlyList<ReplayState> states)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray("states");
        foreach (var state in states)
        {
            writer.WriteStartObject();
            writer.WriteNumber("stability", state.Stability);
            writer.WriteNumber("difficulty", state.Difficulty);
            writer.WriteString("due", state.Due.ToUniversalTime());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
