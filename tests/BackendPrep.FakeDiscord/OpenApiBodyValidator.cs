using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace BackendPrep.FakeDiscord;

/// <summary>
/// Validates request bodies against Discord's OpenAPI document (shared/discord/openapi.json) with JsonSchema.Net,
/// plus the documented rules the spec does not encode or states differently (docs win): content ≤ 2000, modal
/// components 1–5, command names lowercase and matching the naming pattern, descriptions 1–100.
/// <c>default_member_permissions</c> is a string in the docs and an integer in the spec, so both are accepted.
/// </summary>
public sealed partial class OpenApiBodyValidator
{
    private static readonly Uri BaseUri = new("https://discord.test/openapi.json");
    private static readonly Lazy<OpenApiBodyValidator> LazyShared = new(() => new OpenApiBodyValidator(FindSpec()));

    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _buildLock = new();

    public OpenApiBodyValidator(string openApiPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(openApiPath));
        // OpenAPI 3.1 schemas are 2020-12 and carry x-discord-* extension keywords, which that dialect allows.
        _build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        _build.SchemaRegistry.Register(BaseUri, new JsonElementBaseDocument(doc.RootElement.Clone(), BaseUri));
    }

    /// <summary>One validator per process: building it parses a 1 MB document.</summary>
    public static OpenApiBodyValidator Shared => LazyShared.Value;

    /// <summary>shared/discord/openapi.json beside the repository (found via <see cref="RepositoryPaths"/>).</summary>
    public static string FindSpec() => RepositoryPaths.Shared("discord", "openapi.json");

    /// <summary>Problems with <paramref name="body"/> as an instance of <c>#/components/schemas/{schemaName}</c>.</summary>
    public IReadOnlyList<string> Validate(string schemaName, JsonElement body)
    {
        EvaluationResults result;
        // JsonSchema.Net builds referenced subschemas lazily into the shared registry; one evaluation at a time.
        lock (_buildLock)
        {
            var schema = _schemas.GetOrAdd(schemaName, name =>
                JsonSchema.FromText($$"""{"$ref":"{{BaseUri}}#/components/schemas/{{name}}"}""", _build, new Uri($"https://discord.test/check/{name}")));
            result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }
        if (result.IsValid)
            return [];
        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{schemaName}{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .Take(20)
            .ToList();
        return problems.Count > 0 ? problems : [$"{schemaName}: invalid"];
    }

    /// <summary>Validates the JSON body of a request to a fake route; unknown routes and bodiless requests pass.</summary>
    public IReadOnlyList<string> ValidateRequest(string route, JsonElement body)
    {
        var problems = new List<string>();
        switch (route)
        {
            case FakeRoutes.Callback:
                var type = body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : -1;
                var schema = type switch
                {
                    1 => "PongInteractionCallbackRequest",
                    4 or 5 => "CreateMessageInteractionCallbackRequest",
                    6 or 7 => "UpdateMessageInteractionCallbackRequest",
                    8 => "ApplicationCommandAutocompleteCallbackRequest",
                    9 => "ModalInteractionCallbackRequest",
                    _ => null,
                };
                if (schema is null)
                {
                    problems.Add($"callback: invalid type {type}");
                    break;
                }
                problems.AddRange(Validate(schema, body));
                if (type == 9 && body.TryGetProperty("data", out var modal) && modal.TryGetProperty("components", out var mc) && mc.GetArrayLength() is < 1 or > 5)
                    problems.Add("modal: docs allow 1–5 components");
                if (type == 5 && body.TryGetProperty("data", out var d5) && d5.TryGetProperty("flags", out var f5) && (f5.GetInt32() & ~64) != 0)
                    problems.Add("deferred response: EPHEMERAL is the only valid flag");
                break;
            case FakeRoutes.PutGlobalCommands or FakeRoutes.PutGuildCommands:
                if (body.ValueKind != JsonValueKind.Array)
                {
                    problems.Add("bulk overwrite: body must be an array");
                    break;
                }
                foreach (var command in body.EnumerateArray())
                {
                    problems.AddRange(Validate("ApplicationCommandUpdateRequest", NormalisePermissions(command)));
                    problems.AddRange(CheckCommandNames(command));
                }
                break;
            case FakeRoutes.CreateMessage:
                problems.AddRange(Validate("MessageCreateRequest", body));
                if (body.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString()!.Length > 2000)
                    problems.Add("message: docs allow content up to 2000 characters");
                break;
            case FakeRoutes.FollowUp:
                problems.AddRange(Validate("IncomingWebhookRequestPartial", body));
                break;
            case FakeRoutes.EditOriginal:
                problems.AddRange(Validate("IncomingWebhookUpdateRequestPartial", body));
                break;
            case FakeRoutes.CreateDm:
                problems.AddRange(Validate("CreatePrivateChannelRequest", body));
                break;
        }
        return problems;
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();

    private static List<string> CheckCommandNames(JsonElement command)
    {
        var problems = new List<string>();
        var chatInput = !command.TryGetProperty("type", out var type) || type.GetInt32() == 1;
        if (chatInput)
            CheckNamed(command, "command", problems);
        return problems;

        static void CheckNamed(JsonElement item, string what, List<string> problems)
        {
            var name = item.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            if (!NamePattern().IsMatch(name) || name.Any(char.IsUpper))
                problems.Add($"{what} name '{name}' breaks the naming rules");
            var description = item.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            if (description.Length is < 1 or > 100)
                problems.Add($"{what} '{name}': description must be 1–100 characters");
            if (item.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array)
            {
                foreach (var option in options.EnumerateArray())
                    CheckNamed(option, "option", problems);
            }
        }
    }

    private static JsonElement NormalisePermissions(JsonElement command)
    {
        var node = JsonNode.Parse(command.GetRawText())!.AsObject();
        if (node["default_member_permissions"] is JsonValue v && v.TryGetValue<string>(out var s) && ulong.TryParse(s, out var bits))
            node["default_member_permissions"] = bits;
        return JsonSerializer.SerializeToElement(node);
    }
}
