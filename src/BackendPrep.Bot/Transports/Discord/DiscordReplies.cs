using BackendPrep.Core.Replies;
using BackendPrep.Discord.Models;
using CoreButton = BackendPrep.Core.Replies.Button;
using CoreSelect = BackendPrep.Core.Replies.Select;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>Maps the transport-neutral reply model to Discord's message, modal and choice payloads.</summary>
internal static class DiscordReplies
{
    public static MessagePayload ToPayload(Reply reply)
    {
        var files = reply.File is { } file ? [new FileUpload(file.Name, file.Content, file.ContentType)] : (IReadOnlyList<FileUpload>?)null;
        var payload = new MessagePayload
        {
            Content = string.IsNullOrEmpty(reply.Text) ? null : Fit(reply.Text, DiscordLimits.MessageContent),
            Embeds = reply.Cards.Count == 0 ? [] : [.. reply.Cards.Take(DiscordLimits.EmbedsPerMessage).Select(ToEmbed)],
            Components = [.. reply.Rows.Take(DiscordLimits.ActionRowsPerMessage).Select(ToRow)],
            Files = files,
        };
        return reply.Visibility == Visibility.Private ? payload.AsEphemeral() : payload;
    }

    public static ModalPayload ToModal(Form form) => new(
        form.Action,
        Fit(form.Title, DiscordLimits.ModalTitle),
        [.. form.Fields.Select(f => Component.LabelFor(
            Fit(f.Label, DiscordLimits.LabelText),
            Component.TextInput(f.Id, f.Style == FieldStyle.Paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
                f.Required, f.MinLength > 0 ? f.MinLength : null, f.MaxLength, f.Placeholder, f.Value)))]);

    public static IReadOnlyList<CommandChoice> ToChoices(IReadOnlyList<Choice> choices) =>
        [.. choices.Take(25).Select(c => new CommandChoice(Fit(c.Name, 100), new ChoiceValue(Fit(c.Value, 100))))];

    private static Embed ToEmbed(ReplyCard card) => new()
    {
        Title = card.Title is null ? null : Fit(card.Title, DiscordLimits.EmbedTitle),
        Description = Fit(card.Body, DiscordLimits.EmbedDescription),
        Color = card.Accent,
        Footer = card.Footer is null ? null : new EmbedFooter(Fit(card.Footer, DiscordLimits.EmbedFooterText)),
        Image = card.ImageFileName is null ? null : new EmbedMedia("attachment://" + card.ImageFileName),
        Fields = card.Fields.Count == 0 ? null
            : [.. card.Fields.Take(DiscordLimits.EmbedFields).Select(f => new EmbedField(Fit(f.Name, DiscordLimits.EmbedFieldName), Fit(f.Value, DiscordLimits.EmbedFieldValue), f.Inline ? true : null))],
    };

    private static Component ToRow(ControlRow row) => Component.ActionRow([.. row.Controls.Take(5).Select(ToComponent)]);

    private static Component ToComponent(Control control) => control switch
    {
        CoreButton b => Component.Button(b.Action, Fit(b.Label, 80), Style(b.Style), b.Disabled),
        CoreSelect s => Component.StringSelect(s.Action, [.. s.Choices.Take(25).Select(c => new SelectOption(Fit(c.Label, 100), Fit(c.Value, 100), c.Description is null ? null : Fit(c.Description, 100)))], Fit(s.Placeholder, 150)),
        _ => throw new ArgumentOutOfRangeException(nameof(control), control.GetType().Name, "unknown control"),
    };

    private static ButtonStyle Style(ControlStyle style) => style switch
    {
        ControlStyle.Primary => ButtonStyle.Primary,
        ControlStyle.Success => ButtonStyle.Success,
        ControlStyle.Danger => ButtonStyle.Danger,
        _ => ButtonStyle.Secondary,
    };

    /// <summary>Cuts text to a Discord limit at a paragraph, line or word boundary, never mid-word.</summary>
    internal static string Fit(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        const string more = "…";
        var cut = limit - more.Length;
        foreach (var boundary in new[] { "\n\n", "\n", " " })
        {
            var at = text.LastIndexOf(boundary, cut, StringComparison.Ordinal);
            if (at > cut / 2)
            {
                return text[..at].TrimEnd() + more;
            }
        }

        return text[..cut] + more;
    }
}
