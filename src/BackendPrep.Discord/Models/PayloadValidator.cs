using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace BackendPrep.Discord.Models;

/// <summary>Thrown before anything is sent when a payload breaks a documented Discord limit.</summary>
public sealed class DiscordLimitException(string path, string problem) : ArgumentException($"{path}: {problem}")
{
    public string PathInPayload { get; } = path;
}

/// <summary>
/// Checks outgoing payloads against <see cref="DiscordLimits"/> so a bad reply fails here, with the field named,
/// instead of as a 400 from Discord after the 3-second window was spent.
/// </summary>
public static partial class PayloadValidator
{
    [GeneratedRegex(DiscordLimits.CommandNamePattern)]
    private static partial Regex CommandNameRegex();

    /// <summary>Every part an interaction callback can carry: its message, modal or autocomplete choices.</summary>
    public static void Validate(InteractionCallback callback)
    {
        if (callback.Message is { } message)
            Validate(message);
        if (callback.Modal is { } modal)
            Validate(modal);
        if (callback.Choices is { } choices)
            Validate(choices);
    }

    public static void Validate(MessagePayload message)
    {
        MaxLength("", "content", message.Content, DiscordLimits.MessageContent);
        if (message.Embeds is { } embeds)
        {
            Check(embeds.Count <= DiscordLimits.EmbedsPerMessage, "embeds", $"at most {DiscordLimits.EmbedsPerMessage} embeds");
            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
                total += ValidateEmbed($"embeds[{i}]", embeds[i]);
            Check(total <= DiscordLimits.EmbedTotal, "embeds", $"{total} characters in all embeds, over {DiscordLimits.EmbedTotal}");
        }
        if (message.Components is { } rows)
            ValidateMessageComponents(rows);
        var files = message.Files?.Count ?? 0;
        Check(files <= DiscordLimits.AttachmentsPerMessage, "files", $"at most {DiscordLimits.AttachmentsPerMessage} files");
    }

    public static void Validate(ModalPayload modal)
    {
        CustomId("", "custom_id", modal.CustomId);
        Check(modal.Title.Length is > 0 and <= DiscordLimits.ModalTitle, "title", $"1–{DiscordLimits.ModalTitle} characters");
        Check(modal.Components.Count is > 0 and <= DiscordLimits.ModalComponents, "components", $"1–{DiscordLimits.ModalComponents} components");
        for (var i = 0; i < modal.Components.Count; i++)
        {
            var c = modal.Components[i];
            var path = $"components[{i}]";
            if (c.Type == ComponentType.Label)
            {
                Check(c.Label is { Length: > 0 and <= DiscordLimits.LabelText }, path + ".label", $"1–{DiscordLimits.LabelText} characters");
                Check(c.Child is not null, path + ".component", "a Label needs a child component");
                ValidateInput(path + ".component", c.Child!);
            }
            else if (c.Type == ComponentType.ActionRow)
            {
                foreach (var child in c.Components ?? [])
                    ValidateInput(path, child);
            }
        }
    }

    public static void Validate(IReadOnlyList<CommandChoice> choices, string path = "choices")
    {
        Check(choices.Count <= DiscordLimits.Choices, path, $"at most {DiscordLimits.Choices} choices");
        for (var i = 0; i < choices.Count; i++)
        {
            Check(choices[i].Name.Length is > 0 and <= DiscordLimits.ChoiceName, $"{path}[{i}].name", $"1–{DiscordLimits.ChoiceName} characters");
            if (choices[i].Value.String is { } s)
                MaxLength(path, $"[{i}].value", s, DiscordLimits.ChoiceValue);
        }
    }

    public static void Validate(IReadOnlyList<ApplicationCommandDefinition> commands)
    {
        var names = new HashSet<(ApplicationCommandType, string)>();
        for (var i = 0; i < commands.Count; i++)
        {
            var cmd = commands[i];
            var path = $"commands[{i}] ({cmd.Name})";
            Check(names.Add((cmd.Type, cmd.Name)), path, "duplicate command name");
            if (cmd.Type == ApplicationCommandType.ChatInput)
            {
                Name(path + ".name", cmd.Name);
                Description(path + ".description", cmd.Description);
            }
            else
            {
                Check(cmd.Name.Length is > 0 and <= DiscordLimits.CommandName, path + ".name", $"1–{DiscordLimits.CommandName} characters");
            }
            if (cmd.DefaultMemberPermissions is { } perms)
                Check(ulong.TryParse(perms, out _), path + ".default_member_permissions", "must be a decimal permission bitset");
            var total = cmd.Name.Length + cmd.Description.Length + ValidateOptions(path + ".options", cmd.Options, depth: 0);
            Check(total <= DiscordLimits.CommandTotalText, path, $"{total} characters of names, descriptions and choices, over {DiscordLimits.CommandTotalText}");
        }
    }

    private static int ValidateOptions(string path, IReadOnlyList<ApplicationCommandOptionDefinition>? options, int depth)
    {
        if (options is null)
            return 0;
        Check(options.Count <= DiscordLimits.CommandOptions, path, $"at most {DiscordLimits.CommandOptions} options");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var optionalSeen = false;
        var total = 0;
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var p = $"{path}[{i}] ({o.Name})";
            Name(p + ".name", o.Name);
            Description(p + ".description", o.Description);
            Check(seen.Add(o.Name), p, "duplicate option name");
            var nests = o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            Check(!nests || o.Required is null, p + ".required", "not allowed on subcommands");
            Check(!nests || depth < (o.Type == ApplicationCommandOptionType.SubCommandGroup ? 1 : 2), p, "subcommands nest at most group → subcommand");
            if (!nests)
            {
                Check(o.Required != true || !optionalSeen, p + ".required", "required options must come before optional ones");
                optionalSeen |= o.Required != true;
            }
            Check(!(o.Autocomplete == true && o.Choices is { Count: > 0 }), p, "autocomplete and choices cannot be combined");
            total += o.Name.Length + o.Description.Length;
            if (o.Choices is { } choices)
            {
                Validate(choices, p + ".choices");
                total += choices.Sum(c => c.Name.Length + c.Value.ToString().Length);
            }
            total += ValidateOptions(p + ".options", o.Options, depth + 1);
        }
        return total;
    }

    private static int ValidateEmbed(string path, Embed embed)
    {
        MaxLength(path, ".title", embed.Title, DiscordLimits.EmbedTitle);
        MaxLength(path, ".description", embed.Description, DiscordLimits.EmbedDescription);
        MaxLength(path, ".footer.text", embed.Footer?.Text, DiscordLimits.EmbedFooterText);
        MaxLength(path, ".author.name", embed.Author?.Name, DiscordLimits.EmbedAuthorName);
        Check(embed.Color is null or (>= 0 and <= 0xFFFFFF), path + ".color", "0–16777215");
        var total = Len(embed.Title) + Len(embed.Description) + Len(embed.Footer?.Text) + Len(embed.Author?.Name);
        if (embed.Fields is { } fields)
        {
            Check(fields.Count <= DiscordLimits.EmbedFields, path + ".fields", $"at most {DiscordLimits.EmbedFields} fields");
            for (var i = 0; i < fields.Count; i++)
            {
                Check(fields[i].Name.Length > 0, $"{path}.fields[{i}].name", "must not be empty");
                MaxLength(path, $".fields[{i}].name", fields[i].Name, DiscordLimits.EmbedFieldName);
                MaxLength(path, $".fields[{i}].value", fields[i].Value, DiscordLimits.EmbedFieldValue);
                total += Len(fields[i].Name) + Len(fields[i].Value);
            }
        }
        return total;
    }

    private static void ValidateMessageComponents(IReadOnlyList<Component> rows)
    {
        Check(rows.Count <= DiscordLimits.ActionRowsPerMessage, "components", $"at most {DiscordLimits.ActionRowsPerMessage} action rows");
        for (var r = 0; r < rows.Count; r++)
        {
            var path = $"components[{r}]";
            Check(rows[r].Type == ComponentType.ActionRow, path, "top-level components must be action rows");
            var children = rows[r].Components ?? [];
            Check(children.Count > 0, path, "an action row needs at least one component");
            var selects = children.Count(c => c.Type == ComponentType.StringSelect);
            Check(selects == 0 || children.Count == 1, path, "a select must be alone in its row");
            Check(children.Count <= DiscordLimits.ButtonsPerRow, path, $"at most {DiscordLimits.ButtonsPerRow} buttons per row");
            for (var i = 0; i < children.Count; i++)
            {
                var c = children[i];
                var p = $"{path}.components[{i}]";
                if (c.Type == ComponentType.Button)
                {
                    MaxLength(p, ".label", c.Label, DiscordLimits.ButtonLabel);
                    if (c.Style == (int)ButtonStyle.Link)
                        Check(c.Url is not null && c.CustomId is null, p, "a link button has a url and no custom_id");
                    else
                        CustomId(p, ".custom_id", c.CustomId);
                }
                else if (c.Type == ComponentType.StringSelect)
                {
                    CustomId(p, ".custom_id", c.CustomId);
                    ValidateSelectOptions(p, c);
                }
            }
        }
    }

    private static void ValidateInput(string path, Component c)
    {
        CustomId(path, ".custom_id", c.CustomId);
        if (c.Type == ComponentType.TextInput)
        {
            Check(c.MaxLength is null or (>= 1 and <= DiscordLimits.TextInputLength), path + ".max_length", $"1–{DiscordLimits.TextInputLength}");
            Check(c.MinLength is null or (>= 0 and <= DiscordLimits.TextInputLength), path + ".min_length", $"0–{DiscordLimits.TextInputLength}");
            MaxLength(path, ".value", c.Value, DiscordLimits.TextInputLength);
        }
        else if (c.Type == ComponentType.StringSelect)
        {
            ValidateSelectOptions(path, c);
        }
    }

    private static void ValidateSelectOptions(string path, Component c)
    {
        var options = c.Options ?? [];
        Check(options.Count is > 0 and <= DiscordLimits.SelectOptions, path + ".options", $"1–{DiscordLimits.SelectOptions} options");
        foreach (var o in options)
        {
            MaxLength(path, ".options.label", o.Label, DiscordLimits.SelectOptionText);
            MaxLength(path, ".options.value", o.Value, DiscordLimits.SelectOptionText);
            MaxLength(path, ".options.description", o.Description, DiscordLimits.SelectOptionText);
        }
    }

    private static void Name(string path, string name)
    {
        Check(CommandNameRegex().IsMatch(name), path, $"'{name}' must be 1–{DiscordLimits.CommandName} letters, digits, '-', '_' or '''");
        Check(!name.Any(char.IsUpper), path, $"'{name}' must be lowercase");
    }

    private static void Description(string path, string description) =>
        Check(description.Length is > 0 and <= DiscordLimits.CommandDescription, path, $"1–{DiscordLimits.CommandDescription} characters");

    // The path and the problem text are built only when a check fails: every reply passes through here.
    private static void CustomId(string path, string field, string? id)
    {
        if (id is not { Length: > 0 and <= DiscordLimits.CustomId })
            throw new DiscordLimitException(path + field, $"custom_id must be 1–{DiscordLimits.CustomId} characters");
    }

    private static void MaxLength(string path, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            throw new DiscordLimitException(path + field, $"{value.Length} characters, over the limit of {max}");
    }

    private static int Len(string? s) => s?.Trim().Length ?? 0;

    private static void Check(bool ok, string path, string problem)
    {
        if (!ok)
            throw new DiscordLimitException(path, problem);
    }

    private static void Check(bool ok, string path, [InterpolatedStringHandlerArgument("ok")] ref Problem problem)
    {
        if (!ok)
            throw new DiscordLimitException(path, problem.ToStringAndClear());
    }

    /// <summary>An interpolated problem text that is formatted only when its check fails.</summary>
    [InterpolatedStringHandler]
    private ref struct Problem
    {
        private DefaultInterpolatedStringHandler _text;

        public Problem(int literalLength, int formattedCount, bool ok, out bool format)
        {
            format = !ok;
            _text = format ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}
