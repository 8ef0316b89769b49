using System.Globalization;
using System.Text.Json.Nodes;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Bot.Tests.Discord.Fuzz;

/// <summary>
/// One generated payload. <see cref="Intact"/>: the envelope (id, token, type, user) is untouched, so the bot must answer it.
/// <see cref="ForgedOwner"/>: a custom id rewritten to name the victim as its owner, which must be refused.</summary>
internal sealed record FuzzCase(string Json, string Kind, bool Intact, bool ForgedOwner = false);

/// <summary>Custom ids and modals the bot really sent to someone, the raw material for forged and tampered ones.</summary>
internal sealed record Harvest(IReadOnlyList<string> Buttons, IReadOnlyList<(string CustomId, string[] Fields)> Modals);

/// <summary>
/// Seeded generator of hostile interactions: valid-looking ones with hostile text, forged and tampered custom ids and
/// the victim's ids (envelope intact, so the bot must answer), and broken ones — malformed JSON, missing and
/// wrong-typed fields, unknown types, huge strings (the bot must survive them and may stay silent).
/// </summary>
internal sealed class FuzzCases(Random random, JsonArray commands, FakeUser attacker, ulong victimId, Harvest mine, Harvest victims)
{
    /// <summary>Characters that break JSON when they land in the wrong place.</summary>
    private const string Breakers = "{}[]\",:\\\u0000x9";

    private static readonly JsonNode?[] WrongValues = [null, 0, -1, 1e300, true, "", "x", new JsonArray(), new JsonObject(), "99999999999999999999999"];

    private bool _forged;

    public FuzzCase Next()
    {
        _forged = false;
        var (json, kind) = random.Next(100) switch
        {
            < 30 => (Command(), "command with hostile values"),
            < 45 => (Press(), "tampered custom id"),
            < 55 => (Submit(), "modal with hostile text"),
            < 60 => (Autocomplete(), "autocomplete"),
            _ => ((string?)null, ""),
        };
        if (json is not null)
        {
            return new FuzzCase(json, kind, Intact: true, ForgedOwner: _forged);
        }

        var root = JsonNode.Parse(random.Next(3) switch { 0 => Command(), 1 => Press(), _ => Submit() })!.AsObject();
        return random.Next(6) switch
        {
            0 => new FuzzCase(Truncate(root.ToJsonString()), "malformed JSON", false),
            1 => new FuzzCase(Without(root), "missing field", false),
            2 => new FuzzCase(WrongType(root), "wrong-typed field", false),
            3 => new FuzzCase(UnknownType(root), "unknown type", false),
            4 => new FuzzCase(Huge(root), "huge string", false),
            _ => new FuzzCase(Garbage(root.ToJsonString()), "garbage bytes", false),
        };
    }

    private string Command()
    {
        var command = commands[random.Next(commands.Count)]!;
        var options = new JsonArray();
        var defined = command["options"]?.AsArray() ?? [];
        var sub = defined.FirstOrDefault(o => o!["type"]!.GetValue<int>() == 1 && random.Next(2) == 0) ?? defined.FirstOrDefault(o => o!["type"]!.GetValue<int>() == 1);
        if (sub is not null)
        {
            options.Add(new JsonObject { ["type"] = 1, ["name"] = sub["name"]!.GetValue<string>(), ["options"] = Values(sub["options"]?.AsArray() ?? []) });
        }
        else
        {
            foreach (var o in Values(defined))
            {
                options.Add(o!.DeepClone());
            }
        }

        if (random.Next(8) == 0)
        {
            options.Add(new JsonObject { ["type"] = 3, ["name"] = "not_an_option", ["value"] = HostileText.Draw(random) });
        }

        return FakeInteractions.SlashCommand(attacker, command["name"]!.GetValue<string>(), options.ToJsonString());
    }

    private JsonArray Values(JsonArray defined)
    {
        var values = new JsonArray();
        foreach (var option in defined.Where(o => o!["type"]!.GetValue<int>() is not (1 or 2)))
        {
            if (random.Next(3) == 0 && option!["required"]?.GetValue<bool>() != true)
            {
                continue;
            }

            var type = option!["type"]!.GetValue<int>();
            JsonNode? value = type switch
            {
                3 when option["choices"] is JsonArray { Count: > 0 } choices && random.Next(2) == 0 => choices[random.Next(choices.Count)]!["value"]!.DeepClone(),
                3 => HostileText.Draw(random),
                4 => random.Next(4) == 0 ? long.MaxValue : random.Next(-5, 500),
                5 => random.Next(2) == 0,
                6 or 9 => Id(random.Next(2) == 0 ? victimId : attacker.Id),
                7 or 8 => Id((ulong)random.NextInt64(1, long.MaxValue)),
                10 => random.Next(2) == 0 ? double.MaxValue : random.NextDouble() * 1000,
                _ => HostileText.Draw(random),
            };
            values.Add(new JsonObject { ["type"] = type, ["name"] = option["name"]!.GetValue<string>(), ["value"] = value });
        }

        return values;
    }

    private string Press()
    {
        var pool = random.Next(3) == 0 || mine.Buttons.Count == 0 ? victims.Buttons : mine.Buttons;
        var id = pool.Count == 0 ? "topic.section:v1:*:x" : pool[random.Next(pool.Count)];
        return FakeInteractions.Component(attacker, Tamper(id), random.Next(5) == 0 ? [HostileText.Draw(random)] : null);
    }

    private string Submit()
    {
        var pool = random.Next(3) == 0 || mine.Modals.Count == 0 ? victims.Modals : mine.Modals;
        var (id, fields) = pool.Count == 0 ? ("study.incident:v1:*", ["impact"]) : pool[random.Next(pool.Count)];
        var values = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            values[random.Next(10) == 0 ? Short(20) : field] = HostileText.Draw(random);
        }

        return FakeInteractions.ModalSubmit(attacker, Tamper(id), values, legacyActionRows: random.Next(4) == 0);
    }

    private string Autocomplete()
    {
        var command = commands[random.Next(commands.Count)]!;
        return FakeInteractions.Autocomplete(attacker, command["name"]!.GetValue<string>(), "name", HostileText.Draw(random));
    }

    /// <summary>Keeps it, or makes it the victim's, anyone's, another version's, longer, shorter or stuffed.</summary>
    private string Tamper(string customId)
    {
        var parts = customId.Split(':');
        var me = Id(attacker.Id);
        switch (random.Next(9))
        {
            case 0:
                return customId;
            case 1 when parts.Length > 2 && parts[1] == "v1":
                parts[2] = Id(victimId);
                _forged = true;
                break;
            case 2 when parts.Length > 2:
                parts[2] = "*";
                break;
            case 3 when parts.Length > 2:
                parts[2] = me; // my name on the victim's arguments
                break;
            case 4 when parts.Length > 1:
                parts[1] = "v0";
                break;
            case 5:
                return customId + ":" + string.Concat(Enumerable.Repeat("9", random.Next(1, 120)));
            case 6 when parts.Length > 3:
                parts[random.Next(3, parts.Length)] = random.Next(3) switch { 0 => "", 1 => "-1", _ => Short(30) };
                break;
            case 7:
                return parts[0];
            default:
                return string.Join(':', parts.Reverse());
        }

        return string.Join(':', parts);
    }

    private string Short(int limit)
    {
        var text = HostileText.Draw(random);
        return text[..Math.Min(text.Length, limit)];
    }

    private string Truncate(string json) => json[..random.Next(0, json.Length)];

    private string Garbage(string json)
    {
        var chars = json.ToCharArray();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = Breakers[random.Next(Breakers.Length)];
        }

        return new string(chars);
    }

    private string Without(JsonObject root)
    {
        var (parent, key) = PickField(root);
        parent.Remove(key);
        return root.ToJsonString();
    }

    private string WrongType(JsonObject root)
    {
        var (parent, key) = PickField(root);
        parent[key] = WrongValues[random.Next(WrongValues.Length)]?.DeepClone();
        return root.ToJsonString();
    }

    private string UnknownType(JsonObject root)
    {
        switch (random.Next(3))
        {
            case 0:
                root["type"] = random.Next(6, 200);
                break;
            case 1 when root["data"] is JsonObject data:
                data["component_type"] = random.Next(20, 99);
                data["type"] = random.Next(4, 99);
                break;
            default:
                if (root["data"]?["options"] is JsonArray { Count: > 0 } options)
                {
                    options[0]!["type"] = random.Next(12, 99);
                }
                else
                {
                    root["type"] = 1; // PING over the gateway
                }

                break;
        }

        return root.ToJsonString();
    }

    private string Huge(JsonObject root)
    {
        var (parent, key) = PickField(root);
        parent[key] = new string('Z', random.Next(10_000, 200_000));
        return root.ToJsonString();
    }

    private (JsonObject Parent, string Key) PickField(JsonObject root)
    {
        var fields = new List<(JsonObject, string)>();
        Collect(root, fields);
        return fields[random.Next(fields.Count)];

        static void Collect(JsonNode? node, List<(JsonObject, string)> into)
        {
            if (node is JsonObject o)
            {
                foreach (var (key, child) in o.ToList())
                {
                    into.Add((o, key));
                    Collect(child, into);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Collect(child, into);
                }
            }
        }
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
