using System.Text;
using BackendPrep.Core.Replies;

namespace BackendPrep.Bot.Transports.Console;

/// <summary>
/// Renders replies as plain text. Controls are numbered in reading order so the user types the number to press one;
/// a select's choices are numbered after a dot (<c>2.3</c> picks the third choice of control 2).
/// </summary>
internal static class ConsoleRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        if (reply.Mode == ReplyMode.UpdateSource)
        {
            text.AppendLine("(message updated)");
        }

        if (reply.Visibility == Visibility.Public)
        {
            text.AppendLine("(posted publicly)");
        }

        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            text.AppendLine(reply.Text.Trim());
        }

        foreach (var card in reply.Cards)
        {
            AppendCard(text, card);
        }

        if (reply.File is { } file)
        {
            text.AppendLine($"[attachment: {file.Name}, {file.Content.Length:N0} bytes]");
        }

        var number = 1;
        foreach (var row in reply.Rows)
        {
            var line = new StringBuilder();
            foreach (var control in row.Controls)
            {
                switch (control)
                {
                    case Button button:
                        line.Append($"[{number}] {button.Label}{(button.Disabled ? " (disabled)" : "")}   ");
                        break;
                    case Select select:
                        line.Append($"[{number}] {select.Placeholder}: ");
                        line.Append(string.Join("  ", select.Choices.Select((c, i) => $"{number}.{i + 1} {c.Label}")));
                        break;
                }

                number++;
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    public static string Render(IReadOnlyList<Choice> choices) =>
        choices.Count == 0 ? "(no suggestions)" : string.Join(Environment.NewLine, choices.Select(c => $"  {c.Name}  ({c.Value})"));

    /// <summary>The controls of a reply in the order <see cref="Render(Reply)"/> numbers them.</summary>
    public static IReadOnlyList<Control> Controls(Reply reply) => [.. reply.Rows.SelectMany(r => r.Controls)];

    private static void AppendCard(StringBuilder text, ReplyCard card)
    {
        if (text.Length > 0)
        {
            text.AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(card.Title))
        {
            text.AppendLine($"== {card.Title} ==");
        }

        if (!string.IsNullOrWhiteSpace(card.Body))
        {
            text.AppendLine(card.Body.Trim());
        }

        foreach (var field in card.Fields)
        {
            text.AppendLine($"-- {field.Name}");
            text.AppendLine(field.Value.Trim());
        }

        if (!string.IsNullOrWhiteSpace(card.Footer))
        {
            text.AppendLine($"({card.Footer})");
        }
    }
}
