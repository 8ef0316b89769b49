using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendPrep.FakeDiscord;

/// <summary>Default (successful) answers per route, shaped like Discord's.</summary>
public sealed partial class FakeDiscordServer
{
    private string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private (int Status, string? Json) DefaultAnswer(FakeRoutes.RouteMatch match, RecordedRequest request)
    {
        var app = ApplicationId.ToString(CultureInfo.InvariantCulture);
        switch (match.Name)
        {
            case FakeRoutes.GatewayBot:
                return (200, new JsonObject
                {
                    ["url"] = GatewayUrl,
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
                }.ToJsonString());
            case FakeRoutes.CurrentApplication:
                return (200, new JsonObject
                {
                    ["id"] = app,
                    ["name"] = "Fake App",
                    ["bot"] = new JsonObject { ["id"] = BotUserId.ToString(CultureInfo.InvariantCulture), ["username"] = "fakebot" },
                }.ToJsonString());
            case FakeRoutes.PutGlobalCommands or FakeRoutes.PutGuildCommands:
                {
                    var scope = match.Name == FakeRoutes.PutGuildCommands ? match.Values[1] : "global";
                    var registered = new JsonArray();
                    foreach (var command in JsonNode.Parse(request.JsonText ?? "[]")!.AsArray())
                    {
                        var c = command!.DeepClone().AsObject();
                        c["id"] = NewId();
                        c["application_id"] = app;
                        c["version"] = NewId();
                        if (scope != "global")
                            c["guild_id"] = scope;
                        registered.Add(c);
                    }
                    lock (_lock)
                        _commands[scope] = registered;
                    return (200, registered.ToJsonString());
                }
            case FakeRoutes.GetGlobalCommands or FakeRoutes.GetGuildCommands:
                {
                    var scope = match.Name == FakeRoutes.GetGuildCommands ? match.Values[1] : "global";
                    lock (_lock)
                        return (200, _commands.TryGetValue(scope, out var a) ? a.ToJsonString() : "[]");
                }
            case FakeRoutes.Callback:
                lock (_lock)
                {
                    if (!_answered.Add(match.Values[0]))
                        return (400, """{"message":"Interaction has already been acknowledged.","code":40060}""");
                }
                return (204, null);
            case FakeRoutes.GetOriginal or FakeRoutes.EditOriginal:
                return (200, MessageJson(channelId: "0", request));
            case FakeRoutes.DeleteOriginal:
                return (204, null);
            case FakeRoutes.FollowUp:
                return (200, MessageJson(channelId: "0", request));
            case FakeRoutes.CreateMessage:
                return (200, MessageJson(match.Values[0], request));
            case FakeRoutes.GetChannel:
                return (200, new JsonObject { ["id"] = match.Values[0], ["type"] = 0, ["guild_id"] = "100000000000000001", ["name"] = "general" }.ToJsonString());
            case FakeRoutes.CreateDm:
                {
                    var recipient = JsonNode.Parse(request.JsonText ?? "{}")?["recipient_id"]?.GetValue<string>() ?? "0";
                    return (200, new JsonObject
                    {
                        ["id"] = NewId(),
                        ["type"] = 1,
                        ["recipients"] = new JsonArray(new JsonObject { ["id"] = recipient, ["username"] = "someone" }),
                    }.ToJsonString());
                }
            default:
                return (404, """{"message":"404: Not Found","code":0}""");
        }
    }

    private string MessageJson(string channelId, RecordedRequest request)
    {
        var payload = request.JsonText is { } t ? JsonNode.Parse(t) : null;
        var attachments = new JsonArray();
        foreach (var part in request.Parts.Where(p => p.FileName is not null))
        {
            attachments.Add(new JsonObject
            {
                ["id"] = NewId(),
                ["filename"] = part.FileName,
                ["size"] = part.Content.Length,
                ["url"] = $"https://cdn.fake/{part.FileName}",
            });
        }
        return new JsonObject
        {
            ["id"] = NewId(),
            ["channel_id"] = channelId,
            ["content"] = payload?["content"]?.GetValue<string>() ?? "",
            ["author"] = new JsonObject { ["id"] = BotUserId.ToString(CultureInfo.InvariantCulture), ["username"] = "fakebot", ["bot"] = true },
            ["flags"] = payload?["flags"]?.GetValue<int>() ?? 0,
            ["attachments"] = attachments,
        }.ToJsonString();
    }
}
