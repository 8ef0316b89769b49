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

    public static byte[] Callback(InteractionCallback callback)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
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
        return buffer.ToArray();
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
