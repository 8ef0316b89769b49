using System.Text;
using BackendPrep.Bot.Features.Progress;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;

namespace BackendPrep.Bot.Features.Privacy;

internal sealed class PrivacyCommands(IPrivacyStore privacy, IProfileStore profiles, IUserDataStore data, TimeProvider time)
{
    /// <summary>What each collection means to a user; a collection not listed here is shown by its name.</summary>
    private static readonly Dictionary<string, string> Described = new(StringComparer.Ordinal)
    {
        ["topic_progress"] = "topics you marked learned",
        ["prompt_attempts"] = "your prompt answers and their grades",
        ["prompt_shown"] = "prompts you were shown",
        ["prompt_rounds"] = "group rounds you started",
        ["study_sessions"] = "study sessions and your notes on them",
        ["privacy"] = "these privacy settings",
        ["guild_members"] = "servers you used the bot in, with your name there",
    };

    public async ValueTask<Response> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var userId = invocation.User.Id;
        switch (invocation.Option("action")?.ToLowerInvariant())
        {
            case "export":
                var json = await data.ExportJsonAsync(userId, time.GetUtcNow(), ct);
                return Reply.Say("Everything the bot stores about you, as JSON.") with
                {
                    File = new ReplyFile($"backendprep-{userId}.json", "application/json", Encoding.UTF8.GetBytes(json)),
                };
            case "delete":
                return Reply.Show(
                    new ReplyCard("Delete all your data?", "This removes everything the bot stores about you, in every feature: topics, prompt attempts, reviews, streaks, timers, reminders, settings. It cannot be undone; `/privacy action:export` first if you want a copy.") { Accent = 0xEF4444 },
                    ControlRow.Of(
                        new Button("Delete everything", CustomId.For(PrivacyFeature.EraseRoute, userId), ControlStyle.Danger),
                        new Button("Keep my data", CustomId.For(PrivacyFeature.KeepRoute, userId))));
            case null or "show":
                break;
            default:
                throw new UserFacingException("`action` must be show, export or delete.");
        }

        await Sightings.RecordAsync(profiles, invocation, time, ct);
        var changes = new List<string>();
        if (invocation.Option("leaderboard") is { } board)
        {
            var on = board.ToLowerInvariant() switch
            {
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                _ => throw new UserFacingException("`leaderboard` must be on or off."),
            };
            await privacy.SetLeaderboardAsync(userId, on, ct);
            changes.Add(on ? "You are on the leaderboard." : "You are off the leaderboard.");
        }

        if (invocation.Option("public") is { } shared)
        {
            if (!PublicFieldsText.TryParse(shared, out var fields))
            {
                throw new UserFacingException($"`public` takes a list of: {string.Join(", ", PublicFieldsText.Known)}.");
            }

            await privacy.SetPublicAsync(userId, fields, ct);
            changes.Add($"Others now see: {PublicFieldsText.Describe(fields)}.");
        }

        var settings = await privacy.GetAsync(userId, ct);
        var inventory = await data.InventoryAsync(userId, ct);
        return View(settings, inventory) with { Text = changes.Count == 0 ? null : string.Join(' ', changes) };
    }

    public async ValueTask<Response> EraseAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        // The router refuses other people's presses; this guards against an "anyone" id ever reaching erasure.
        if (id.Owner != invocation.User.Id)
        {
            throw new UserFacingException("Only the owner of this data can delete it.");
        }

        var removed = await data.EraseAsync(invocation.User.Id, ct);
        var text = removed.Count == 0
            ? "There was nothing stored about you."
            : "Deleted:\n" + string.Join('\n', removed.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"• {r.Value} × {Describe(r.Key)} (`{r.Key}`)"));
        return Reply.Show(new ReplyCard("Your data is deleted", text) { Accent = 0xEF4444, Footer = "Using the bot again starts a fresh record." }).Replacing();
    }

    private static Reply View(PrivacySettings settings, IReadOnlyDictionary<string, int> inventory)
    {
        var stored = inventory.Count == 0
            ? "Nothing yet."
            : string.Join('\n', inventory.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"• {i.Value} × {Describe(i.Key)}"));
        var card = new ReplyCard("Your data and who can see it", "")
        {
            Accent = 0x64748B,
            Fields =
            [
                new ReplyField("Stored about you", stored),
                new ReplyField("Other members see", $"With `/progress user:` — {PublicFieldsText.Describe(settings.Public)}. Change it with `/privacy public:` ({string.Join(", ", PublicFieldsText.Known)})."),
                new ReplyField("Leaderboard", settings.OnLeaderboard
                    ? "On: members of servers where you use the bot see your rank and the figure ranked. `/privacy leaderboard:off` to leave."
                    : "Off: you are not listed. `/privacy leaderboard:on` to join."),
                new ReplyField("Everything else", "Visible only to you. `/privacy action:export` for a copy, `/privacy action:delete` to erase it all."),
            ],
        };
        return Reply.Show(card);
    }

    private static string Describe(string collection) => Described.GetValueOrDefault(collection, collection.Replace('_', ' '));
}
