using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Rest;

/// <summary>Serialises outgoing bodies, as JSON or as multipart with <c>payload_json</c> and <c>files[n]</c>.</summary>
internal static class RequestBodies
{
    /// <summary>Adds an attachments entry per file (id = its files[n] index), after any attachments kept on an edit.</summary>
    public static MessagePayload WithAttachmentEntries(MessagePayload message)
    {
        if (message.Files is not { Count: > 0 } files)
            return message;
        var entries = new List<AttachmentReference>(message.Attachments ?? []);
        for (var i = 0; i < files.Count; i++)
            entries.Add(new AttachmentReference { Id = (ulong)i, Filename = files[i].FileName, Description = files[i].Description });
        return message with { Attachments = entries };
    }

    public static byte[] Message(MessagePayload message) =>
        JsonSerializer.SerializeToUtf8Bytes(WithAttachmentEntries(message), DiscordJsonContext.Default.MessagePayload);

    // One scratch buffer per thread: a callback is written synchronously, then copied out at its exact size, so a
    // reply costs one array instead of a MemoryStream's doubling series (the largest allocation per interaction).
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_scratch;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    private const int ScratchKeptBytes = 64 * 1024;

    public static byte[] Callback(InteractionCallback callback)
    {
        var buffer = t_scratch ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            WriteCallback(writer, callback);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset(buffer);
            if (buffer.Capacity > ScratchKeptBytes)
            {
                // A rare huge body (files travel apart) should not pin its buffer to the thread for good.
                t_scratch = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }
        }
    }

    private static void WriteCallback(Utf8JsonWriter writer, InteractionCallback callback)
    {
        writer.WriteStartObject();
        writer.WriteNumber("type", (int)callback.Type);
        if (callback.Message is { } message)
        {
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, WithAttachmentEntries(message), DiscordJsonContext.Default.MessagePayload);
        }
        else if (callback.Modal is { } modal)
        {
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, modal, DiscordJsonContext.Default.ModalPayload);
        }
        else if (callback.Choices is { } choices)
        {
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            writer.WritePropertyName("choices");
            JsonSerializer.Serialize(writer, choices, DiscordJsonContext.Default.IReadOnlyListCommandChoice);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static HttpContent Content(byte[] json, IReadOnlyList<FileUpload>? files)
    {
        var jsonContent = new ByteArrayContent(json);
        jsonContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (files is not { Count: > 0 })
            return jsonContent;

        var multipart = new MultipartFormDataContent();
        multipart.Add(jsonContent, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ReadOnlyMemoryContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(part, $"files[{i}]", files[i].FileName);
        }
        return multipart;
    }
}
