using System.Globalization;
using System.Text;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Progress;

internal static class ProgressViews
{
    private const int Accent = 0x10B981;

    public static Reply Own(ProgressSummary s, TimeZoneInfo zone, Func<MissedItem, string> practiceAction)
    {
        var fields = new List<ReplyField>
        {
            Topics(s),
            new("Prompts", Prompts(s)),
            new("Most missed rubric items", s.MostMissed.Count == 0
                ? "Nothing missed yet — answer a few prompts with `/prompt`."
                : string.Join('\n', s.MostMissed.Select((m, i) => $"{i + 1}. **{m.Label}** — {m.PromptTitle} (missed {m.Missed} of {m.Graded})"))),
            new("Drills", Drills(s.Drills)),
            new("Study sessions", $"{s.SessionsDone} finished"),
        };
        var card = new ReplyCard("Your progress", "")
        {
            Accent = Accent,
            Fields = fields,
            ImageFileName = ProgressChart.FileName,
            Footer = $"Days in {zone.Id}. Only you can see this; /privacy sets what others see.",
        };
        var buttons = s.MostMissed
            .Select((m, i) => (Control)new Button($"Practise {i + 1}: {Shorten(m.Label, 60)}", practiceAction(m)))
            .ToList();
        return buttons.Count == 0 ? Reply.Show(card) : Reply.Show(card, new ControlRow(buttons));
    }

    /// <summary>Another member's view: each field is added only if its owner made it public.</summary>
    public static Reply Public(string name, ProgressSummary s, PrivacySettings settings)
    {
        var fields = new List<ReplyField>();
        if (settings.Shows(PublicFields.Streak))
        {
            fields.Add(new("Streak", Streak(s.Drills)));
        }

        if (settings.Shows(PublicFields.TopicsLearned))
        {
            fields.Add(Topics(s));
        }

        if (settings.Shows(PublicFields.Reviews))
        {
            fields.Add(new("Reviews", $"{s.Drills.ReviewsLast7Days} in the last 7 days, {s.Drills.ReviewsLast30Days} in the last 30"));
        }

        if (settings.Shows(PublicFields.Coverage))
        {
            fields.Add(new("Prompts", Prompts(s)));
        }

        if (settings.Shows(PublicFields.Sessions))
        {
            fields.Add(new("Study sessions", $"{s.SessionsDone} finished"));
        }

        return Reply.Show(new ReplyCard($"Progress of {name}", "") { Accent = Accent, Fields = fields, Footer = "Only what they chose to share." });
    }

    public static Reply Practice(InterviewPrompt prompt, RubricItem item, Topic? topic, Button? answer)
    {
        var card = new ReplyCard(prompt.Title, prompt.Text)
        {
            Accent = 0x8B5CF6,
            Fields = [new ReplyField("Make sure you cover", $"**{item.Label}**")],
            Footer = $"{topic?.Title ?? prompt.TopicId} · {prompt.Level.ToString().ToLowerInvariant()} · graded on {prompt.Rubric.Items.Count} points",
        };
        return answer is null
            ? Reply.Show(card with { Footer = card.Footer + $" · answer it with /prompt topic:{prompt.TopicId}" })
            : Reply.Show(card, ControlRow.Of(answer));
    }

    private static ReplyField Topics(ProgressSummary s)
    {
        var text = new StringBuilder();
        text.AppendLine(s.LearnedInPlanOrder.Count == 0 ? "None yet." : string.Join(", ", s.LearnedInPlanOrder.Select(t => $"{t.Order}. {t.Title}")));
        text.Append(s.NextTopic is { } next ? $"Next: **{next.Title}** (`/topic name:{next.Id}`)" : "Every topic is learned.");
        return new ReplyField($"Topics learned — {s.LearnedInPlanOrder.Count}/{s.TopicCount}", text.ToString());
    }

    private static string Prompts(ProgressSummary s)
    {
        if (s.PromptsAttempted == 0)
        {
            return "No prompts answered yet.";
        }

        var text = new StringBuilder($"{s.PromptsAttempted} attempt{(s.PromptsAttempted == 1 ? "" : "s")} on {s.DistinctPrompts} prompt{(s.DistinctPrompts == 1 ? "" : "s")}");
        if (s.AverageCoverage is { } average)
        {
            text.Append($" · average coverage {Percent(average)}");
        }

        foreach (var topic in s.CoverageByTopic)
        {
            text.Append($"\n• {topic.Title}: {Percent(topic.AverageCoverage)} ({topic.Attempts})");
        }

        return text.ToString();
    }

    private static string Drills(DrillFigures d) =>
        $"Reviews: {d.ReviewsLast7Days} in the last 7 days, {d.ReviewsLast30Days} in the last 30\n" +
        $"True retention: {(d.TrueRetention is { } r ? $"{Percent(r)} (of {d.RetentionSample} reviews, 30 days)" : "no reviews yet")}\n" +
        $"Due today: {d.DueToday} · tomorrow: {d.DueTomorrow}\n" +
        Streak(d);

    private static string Streak(DrillFigures d) => $"Streak: {Quantity.Of(d.Streak.Current, "day")} (best {Quantity.Of(d.Streak.Best, "day")})";

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
