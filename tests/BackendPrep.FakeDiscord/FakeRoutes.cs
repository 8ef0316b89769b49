using System.Text.RegularExpressions;

namespace BackendPrep.FakeDiscord;

/// <summary>The REST routes the fake serves, named exactly like the client's route templates ("POST /channels/{channel_id}/messages").</summary>
public static partial class FakeRoutes
{
    public const string GatewayBot = "GET /gateway/bot";
    public const string CurrentApplication = "GET /applications/@me";
    public const string PutGlobalCommands = "PUT /applications/{application_id}/commands";
    public const string GetGlobalCommands = "GET /applications/{application_id}/commands";
    public const string PutGuildCommands = "PUT /applications/{application_id}/guilds/{guild_id}/commands";
    public const string GetGuildCommands = "GET /applications/{application_id}/guilds/{guild_id}/commands";
    public const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    public const string GetOriginal = "GET /webhooks/{application_id}/{interaction_token}/messages/@original";
    public const string EditOriginal = "PATCH /webhooks/{application_id}/{interaction_token}/messages/@original";
    public const string DeleteOriginal = "DELETE /webhooks/{application_id}/{interaction_token}/messages/@original";
    public const string FollowUp = "POST /webhooks/{application_id}/{interaction_token}";
    public const string CreateMessage = "POST /channels/{channel_id}/messages";
    public const string GetChannel = "GET /channels/{channel_id}";
    public const string CreateDm = "POST /users/@me/channels";

    internal sealed record RouteMatch(string Name, IReadOnlyList<string> Values, string Major, bool IsInteraction);

    private static readonly (string Method, Regex Pattern, string Name, int MajorGroups, bool Interaction)[] Table =
    [
        ("GET", new Regex("^/gateway/bot$"), GatewayBot, 0, false),
        ("GET", new Regex("^/applications/@me$"), CurrentApplication, 0, false),
        ("PUT", new Regex(@"^/applications/(\d+)/commands$"), PutGlobalCommands, 0, false),
        ("GET", new Regex(@"^/applications/(\d+)/commands$"), GetGlobalCommands, 0, false),
        ("PUT", new Regex(@"^/applications/(\d+)/guilds/(\d+)/commands$"), PutGuildCommands, 2, false),
        ("GET", new Regex(@"^/applications/(\d+)/guilds/(\d+)/commands$"), GetGuildCommands, 2, false),
        ("POST", new Regex(@"^/interactions/(\d+)/([^/]+)/callback$"), Callback, 1, true),
        ("GET", new Regex(@"^/webhooks/(\d+)/([^/]+)/messages/@original$"), GetOriginal, 12, true),
        ("PATCH", new Regex(@"^/webhooks/(\d+)/([^/]+)/messages/@original$"), EditOriginal, 12, true),
        ("DELETE", new Regex(@"^/webhooks/(\d+)/([^/]+)/messages/@original$"), DeleteOriginal, 12, true),
        ("POST", new Regex(@"^/webhooks/(\d+)/([^/]+)$"), FollowUp, 12, true),
        ("POST", new Regex(@"^/channels/(\d+)/messages$"), CreateMessage, 1, false),
        ("GET", new Regex(@"^/channels/(\d+)$"), GetChannel, 1, false),
        ("POST", new Regex("^/users/@me/channels$"), CreateDm, 0, false),
    ];

    internal static RouteMatch? Match(string method, string path)
    {
        foreach (var (m, pattern, name, majorGroups, interaction) in Table)
        {
            if (!string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
                continue;
            var match = pattern.Match(path);
            if (!match.Success)
                continue;
            var values = match.Groups.Values.Skip(1).Select(g => Uri.UnescapeDataString(g.Value)).ToArray();
            var major = majorGroups switch
            {
                1 => values[0],
                2 => values[1],
                12 => values[0] + "/" + values[1],
                _ => "",
            };
            return new RouteMatch(name, values, major, interaction);
        }
        return null;
    }
}
