using System.Text.Json;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// Draws a realistic mix of interactions from a seeded <see cref="Random"/>: slash commands, autocomplete, presses of
/// buttons the bot actually sent to that user, and submits of modals it actually opened. What the bot answered is
/// read back from the fake's callbacks, so later presses and submits follow earlier answers.
/// </summary>
internal sealed class InteractionStream(Random random, FakeDiscordServer discord)
{
    private static readonly string[] Topics = ["caching", "auth", "idempotency", "queues", "rate limiting", "no such topic"];

    private readonly FakeUser[] _users = [.. Enumerable.Range(1, 6).Select(i => FakeUser.Member(200_000_000_000_000_100UL + (ulong)i, $"learner{i}"))];
    private readonly Dictionary<ulong, FakeUser> _sentBy = [];
    private readonly HashSet<ulong> _read = [];
    private readonly List<(FakeUser User, string CustomId)> _buttons = [];
    private readonly List<(FakeUser User, string CustomId, string[] Fields)> _modals = [];

    /// <summary>The next interaction's JSON.</summary>
    public string Next()
    {
        LearnFromAnswers();
        var user = _users[random.Next(_users.Length)];
        var json = random.Next(10) switch
        {
            0 or 1 or 2 => FakeInteractions.SlashCommand(user, "topic", $$"""[{"type":3,"name":"name","value":"{{Topics[random.Next(Topics.Length)]}}"}]"""),
            3 or 4 when _buttons.Count > 0 => Press(),
            5 when _modals.Count > 0 => Submit(),
            5 or 6 => FakeInteractions.SlashCommand(user, "incident"),
            7 => FakeInteractions.Autocomplete(user, "topic", "name", Topics[random.Next(Topics.Length)][..3]),
            8 => FakeInteractions.SlashCommand(user, "plan"),
            _ => FakeInteractions.SlashCommand(user, "help"),
        };
        return json;

        string Press()
        {
            var (owner, id) = _buttons[random.Next(_buttons.Count)];
            user = owner;
            return FakeInteractions.Component(owner, id);
        }

        string Submit()
        {
            var index = random.Next(_modals.Count);
            var (owner, id, fields) = _modals[index];
            _modals.RemoveAt(index);
            user = owner;
            return FakeInteractions.ModalSubmit(owner, id, fields.ToDictionary(f => f, f => $"At 14:02 the {f} part: p99 latency rose to 4 s for 20 minutes."));
        }
    }

    /// <summary>Remembers who sent an interaction, so its answer's buttons and modals are pressed by the same user.</summary>
    public void Sent(string json, FakeUser? user = null)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var id = ulong.Parse(root.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var userId = ulong.Parse(root.GetProperty("member").GetProperty("user").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        _sentBy[id] = user ?? _users.First(u => u.Id == userId);
    }

    private void LearnFromAnswers()
    {
        foreach (var callback in discord.RequestsTo(FakeRoutes.Callback).Where(c => c.ResponseStatus is >= 200 and < 300))
        {
            var interactionId = ulong.Parse(callback.Path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            if (!_read.Add(interactionId) || !_sentBy.TryGetValue(interactionId, out var user) || callback.Json is not { } body
                || !body.TryGetProperty("data", out var data))
            {
                continue;
            }

            if (callback.CallbackType == 9)
            {
                var fields = data.GetProperty("components").EnumerateArray()
                    .Select(c => c.TryGetProperty("component", out var input) ? input : c.GetProperty("components")[0])
                    .Select(i => i.GetProperty("custom_id").GetString()!).ToArray();
                _modals.Add((user, data.GetProperty("custom_id").GetString()!, fields));
            }
            else if (data.TryGetProperty("components", out var rows))
            {
                foreach (var row in rows.EnumerateArray().Where(r => r.TryGetProperty("components", out _)))
                {
                    foreach (var button in row.GetProperty("components").EnumerateArray())
                    {
                        if (button.GetProperty("type").GetInt32() == 2 && button.TryGetProperty("custom_id", out var customId))
                        {
                            _buttons.Add((user, customId.GetString()!));
                        }
                    }
                }
            }
        }

        // Old buttons stay pressable (Discord keeps them), but the pool should favour recent answers.
        if (_buttons.Count > 40)
        {
            _buttons.RemoveRange(0, _buttons.Count - 40);
        }
    }
}
