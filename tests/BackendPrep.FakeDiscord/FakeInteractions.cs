using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendPrep.FakeDiscord;

/// <summary>Who invokes a fake interaction: a guild member (with permissions) or, without a guild, a DM user.</summary>
public sealed record FakeUser(ulong Id, string Username, ulong? GuildId = 100000000000000001, ulong Permissions = 0)
{
    public static FakeUser Member(ulong id, string username = "member", ulong permissions = 0) => new(id, username, 100000000000000001, permissions);

    public static FakeUser InDm(ulong id, string username = "someone") => new(id, username, null);
}

/// <summary>
/// INTERACTION_CREATE payloads (the gateway <c>d</c>) in the current shape, for end-to-end tests: ids and tokens are
/// unique per call, modal submits use Label (type 18) wrappers unless asked for the legacy action-row form.
/// </summary>
public static class FakeInteractions
{
    private static long _nextId = 1_400_000_000_000_000_000;

    public static ulong ApplicationId { get; set; } = 700000000000000001;

    public static ulong ChannelId { get; set; } = 645027906669510667;

    /// <summary>A slash command; <paramref name="options"/> is the JSON array of <c>data.options</c> (e.g. with a subcommand).</summary>
    public static string SlashCommand(FakeUser user, string name, string options = "[]") =>
        Envelope(user, 2, new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1, ["options"] = JsonNode.Parse(options) });

    /// <summary>Autocomplete for <paramref name="name"/> with one focused string option holding <paramref name="partial"/>.</summary>
    public static string Autocomplete(FakeUser user, string name, string option, string partial) =>
        Envelope(user, 4, new JsonObject
        {
            ["id"] = "1",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = option, ["value"] = partial, ["focused"] = true }),
        });

    /// <summary>A button click (or, with <paramref name="values"/>, a string select) on message <paramref name="messageId"/>.</summary>
    public static string Component(FakeUser user, string customId, IReadOnlyList<string>? values = null, ulong messageId = 1000000000000000001)
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = values is null ? 2 : 3 };
        if (values is not null)
            data["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        return Envelope(user, 3, data, new JsonObject { ["id"] = Id(messageId), ["channel_id"] = Id(ChannelId), ["content"] = "" });
    }

    /// <summary>A modal submit with text inputs (custom_id → value).</summary>
    public static string ModalSubmit(FakeUser user, string customId, IReadOnlyDictionary<string, string> fields, bool legacyActionRows = false)
    {
        var components = new JsonArray();
        var n = 1;
        foreach (var (id, value) in fields)
        {
            var input = new JsonObject { ["type"] = 4, ["id"] = n + 1, ["custom_id"] = id, ["value"] = value };
            components.Add(legacyActionRows
                ? new JsonObject { ["type"] = 1, ["id"] = n, ["components"] = new JsonArray(input) }
                : new JsonObject { ["type"] = 18, ["id"] = n, ["component"] = input });
            n += 2;
        }
        return Envelope(user, 5, new JsonObject { ["custom_id"] = customId, ["components"] = components });
    }

    private static string Envelope(FakeUser user, int type, JsonObject data, JsonObject? message = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var who = new JsonObject { ["id"] = Id(user.Id), ["username"] = user.Username, ["global_name"] = user.Username };
        var root = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["application_id"] = Id(ApplicationId),
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = Id(ChannelId),
            ["token"] = $"fake-interaction-token-{id}",
            ["version"] = 1,
            ["locale"] = "en-US",
            ["app_permissions"] = "2248473465835073",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10485760,
        };
        if (user.GuildId is { } guild)
        {
            root["guild_id"] = Id(guild);
            root["guild_locale"] = "en-US";
            root["context"] = 0;
            root["member"] = new JsonObject
            {
                ["user"] = who,
                ["roles"] = new JsonArray(),
                ["permissions"] = user.Permissions.ToString(CultureInfo.InvariantCulture),
                ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
            };
        }
        else
        {
            root["context"] = 1;
            root["user"] = who;
        }
        if (message is not null)
            root["message"] = message;
        return root.ToJsonString();
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
