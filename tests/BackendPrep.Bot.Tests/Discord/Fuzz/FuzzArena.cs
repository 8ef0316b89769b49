using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendPrep.Bot.Tests.Discord.Chaos;
using BackendPrep.FakeDiscord;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Tests.Discord.Fuzz;

/// <summary>
/// The bot on the fake Discord (on a fake clock moved only while idle) with two members: a victim who used the bot
/// normally and so has state, and an attacker who toured every command to collect real custom ids to tamper with.
/// </summary>
internal sealed class FuzzArena : IAsyncDisposable
{
    public static readonly FakeUser Victim = FakeUser.Member(200_000_000_000_000_777, "victim");
    public static readonly FakeUser Attacker = FakeUser.Member(200_000_000_000_000_666, "mallory");

    private BotOnFakeDiscord _bot = null!;

    private FuzzArena(BotProbe probe, FakeDiscordServer discord)
    {
        Probe = probe;
        Discord = discord;
        // Time stands still while any interaction the gateway handed on is still being handled: the fuzz is about
        // input, not deadlines, so no answer should turn into a deferral just because the machine is slow.
        Pump = new ClockPump(probe.Time, () => discord.Requests.Count + (discord.Gateway.Received.Count * 100_000L))
        {
            Busy = () => probe.Deliveries.Interactions.Values.Sum() + probe.Deliveries.Unreadable
                > probe.Counter("discord.interactions.handled") + probe.Counter("discord.interactions.malformed") + probe.Counter("discord.interactions.duplicates"),
        };
    }

    public BotProbe Probe { get; }
    public FakeDiscordServer Discord { get; }
    public ClockPump Pump { get; }
    public JsonArray Commands { get; private set; } = [];
    public Harvest VictimHarvest { get; private set; } = new([], []);
    public Harvest AttackerHarvest { get; private set; } = new([], []);

    public static async Task<FuzzArena> StartAsync()
    {
        var probe = new BotProbe(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var discord = new FakeDiscordServer { Clock = probe.Time };
        await discord.StartAsync();
        var arena = new FuzzArena(probe, discord);
        arena._bot = await BotOnFakeDiscord.StartOnAsync(discord, probe.Configure, "--Logging:LogLevel:Default=Warning", "--Discord:QueueBound=4096");
        await arena.Pump.UntilAsync(() => probe.Gateway.State == BackendPrep.Discord.Gateway.GatewayState.Connected, "READY");
        arena.Commands = discord.RegisteredCommands() ?? throw new InvalidOperationException("no commands registered");
        arena.VictimHarvest = await arena.TourAsync(Victim);
        arena.AttackerHarvest = await arena.TourAsync(Attacker);
        return arena;
    }

    /// <summary>Sends an interaction and waits for its accepted initial callback.</summary>
    public async Task<RecordedRequest> AskAsync(string json)
    {
        var id = BotOnFakeDiscord.Id(json);
        await Discord.Gateway.DispatchAsync("INTERACTION_CREATE", json);
        await Pump.UntilAsync(() => Accepted(id) is not null, $"answer to {json[..Math.Min(json.Length, 200)]}");
        return Accepted(id)!;
    }

    public RecordedRequest? Accepted(ulong interactionId) =>
        Discord.CallbacksFor(interactionId).FirstOrDefault(c => c.ResponseStatus is >= 200 and < 300);

    /// <summary>Every document anywhere in the database that mentions <paramref name="userId"/>, as sorted JSON.</summary>
    public IReadOnlyList<string> StateOf(ulong userId)
    {
        var db = Probe.Services.GetRequiredService<LiteDbStore>().Database;
        var id = userId.ToString(CultureInfo.InvariantCulture);
        return [.. db.GetCollectionNames().Order(StringComparer.Ordinal)
            .SelectMany(name => db.GetCollection(name).FindAll().Select(d => name + " " + LiteDB.JsonSerializer.Serialize(d)))
            .Where(text => text.Contains(id, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs every command (each subcommand) with sensible options, then presses each button and submits each form it
    /// got back, once; returns the custom ids seen. Erase buttons are left alone so the user keeps their state.
    /// </summary>
    private async Task<Harvest> TourAsync(FakeUser user)
    {
        var buttons = new List<string>();
        var modals = new List<(string, string[])>();
        var answers = new List<RecordedRequest>();
        foreach (var command in Commands)
        {
            foreach (var options in Invocations(command!, user))
            {
                answers.Add(await AskAsync(FakeInteractions.SlashCommand(user, command!["name"]!.GetValue<string>(), options)));
            }
        }

        Learn(answers, buttons, modals);
        var second = new List<RecordedRequest>();
        foreach (var button in buttons.Distinct().Where(b => !b.Contains("erase", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            second.Add(await AskAsync(FakeInteractions.Component(user, button)));
        }

        foreach (var (id, fields) in modals.ToList())
        {
            second.Add(await AskAsync(FakeInteractions.ModalSubmit(user, id, fields.Distinct().ToDictionary(f => f,
                _ => "Idempotency keys let a client retry safely: the server stores the first result under the key and replays it."))));
        }

        Learn(second, buttons, modals);
        return new Harvest([.. buttons.Distinct()], [.. modals.DistinctBy(m => m.Item1)]);
    }

    private static IEnumerable<string> Invocations(JsonNode command, FakeUser user)
    {
        var options = command["options"]?.AsArray() ?? [];
        var subs = options.Where(o => o!["type"]!.GetValue<int>() == 1).ToList();
        if (subs.Count == 0)
        {
            yield return Values(options, user).ToJsonString();
            yield break;
        }

        foreach (var sub in subs)
        {
            yield return new JsonArray(new JsonObject { ["type"] = 1, ["name"] = sub!["name"]!.GetValue<string>(), ["options"] = Values(sub["options"]?.AsArray() ?? [], user) }).ToJsonString();
        }
    }

    private static JsonArray Values(JsonArray defined, FakeUser user)
    {
        var values = new JsonArray();
        foreach (var option in defined.Where(o => o!["required"]?.GetValue<bool>() == true))
        {
            var type = option!["type"]!.GetValue<int>();
            var name = option["name"]!.GetValue<string>();
            JsonNode? value = type switch
            {
                3 when option["choices"] is JsonArray { Count: > 0 } choices => choices[0]!["value"]!.DeepClone(),
                3 => name switch { "time" => "09:00", "timezone" => "Europe/London", "term" => "idempotency", _ => "caching" },
                4 => option["min_value"]?.GetValue<long>() ?? 1,
                5 => false,
                6 => user.Id.ToString(CultureInfo.InvariantCulture),
                7 => FakeInteractions.ChannelId.ToString(CultureInfo.InvariantCulture),
                8 => "100000000000000099",
                _ => 1,
            };
            values.Add(new JsonObject { ["type"] = type, ["name"] = name, ["value"] = value });
        }

        return values;
    }

    private static void Learn(IEnumerable<RecordedRequest> answers, List<string> buttons, List<(string, string[])> modals)
    {
        foreach (var answer in answers)
        {
            if (answer.Json is not { } body || !body.TryGetProperty("data", out var data))
            {
                continue;
            }

            if (answer.CallbackType == 9)
            {
                modals.Add((data.GetProperty("custom_id").GetString()!, [.. data.GetProperty("components").EnumerateArray()
                    .Select(c => c.TryGetProperty("component", out var input) ? input : c.GetProperty("components")[0])
                    .Select(i => i.GetProperty("custom_id").GetString()!)]));
            }
            else if (data.TryGetProperty("components", out var rows))
            {
                buttons.AddRange(rows.EnumerateArray().Where(r => r.TryGetProperty("components", out _))
                    .SelectMany(r => r.GetProperty("components").EnumerateArray())
                    .Where(c => c.TryGetProperty("custom_id", out _) && c.GetProperty("type").GetInt32() == 2)
                    .Select(c => c.GetProperty("custom_id").GetString()!));
            }
        }
    }

    public async ValueTask DisposeAsync() => await _bot.DisposeAsync();
}
