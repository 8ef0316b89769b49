using System.Globalization;
using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>What <c>/prompt</c> asks for, so <em>Another</em> can keep the same topic, level and randomness.</summary>
internal sealed record PromptFilter(bool SameTopic, Level? Level, bool Uniform)
{
    public string[] Args(InterviewPrompt current) =>
        [PromptKeys.Key(current), SameTopic ? "t" : "", Level?.ToString().ToLowerInvariant() ?? "", Uniform ? "r" : ""];

    public static PromptFilter From(CustomId id) =>
        new(id.Arg(1) == "t", Enum.TryParse<Level>(id.Arg(2), ignoreCase: true, out var level) ? level : null, id.Arg(3) == "r");
}

internal static class PromptViews
{
    private const int Accent = 0x8B5CF6;
    public const string AnswerField = "answer";
    public const int MaxFollowUpsShown = 3;

    public static Reply Card(InterviewPrompt prompt, Topic? topic, string owner, string attemptId, PromptFilter filter)
    {
        var card = new ReplyCard(prompt.Title, prompt.Text)
        {
            Accent = Accent,
            Footer = $"{topic?.Title ?? prompt.TopicId} · {prompt.Level.ToString().ToLowerInvariant()} · graded on {prompt.Rubric.Items.Count} points",
        };
        return Reply.Show(card, ControlRow.Of(
            new Button("Answer", CustomId.For(PromptsFeature.AnswerRoute, owner, PromptKeys.Key(prompt), attemptId), ControlStyle.Primary),
            new Button("Hint", CustomId.For(PromptsFeature.HintRoute, owner, PromptKeys.Key(prompt), attemptId)),
            new Button("Another", CustomId.For(PromptsFeature.AnotherRoute, owner, filter.Args(prompt)))));
    }

    public static Form AnswerForm(InterviewPrompt prompt, string action) => new(Shorten(prompt.Title, 45), action,
    [
        new FormField(AnswerField, "Your answer", FieldStyle.Paragraph, Required: true, MaxLength: AnswerText.MaxLength)
        {
            Placeholder = "As you would say it: product path, invariant, request path, controls, failure, proof.",
            MinLength = 1,
        },
    ]);

    public static Form FollowUpForm(InterviewPrompt prompt, RubricItem? first, string action) => new(Shorten("Follow-ups: " + prompt.Title, 45), action,
    [
        new FormField(AnswerField, "Answer the follow-up questions", FieldStyle.Paragraph, Required: true, MaxLength: AnswerText.MaxLength)
        {
            Placeholder = first is null ? null : Shorten(first.FollowUp, 100),
            MinLength = 1,
        },
    ]);

    /// <summary>
    /// The answer template's steps, so a user can shape an answer before writing it, with the Answer button again
    /// (<paramref name="answer"/>) so the hint does not leave the user hunting for the card.
    /// </summary>
    public static Reply Hint(Checklist? template, Button? answer)
    {
        var rows = answer is null ? Array.Empty<ControlRow>() : [ControlRow.Of(answer)];
        if (template is null || template.Parts.Count == 0)
        {
            return Reply.Say("Shape the answer as: product path, invariant, request path, controls, failure behaviour, proof.") with { Rows = rows };
        }

        var text = new StringBuilder();
        foreach (var (part, i) in template.Parts.Select((p, i) => (p, i + 1)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i}. **{StepTitle(part)}** — {part.Description}");
        }

        return Reply.Show(new ReplyCard($"Hint — {template.Title}", text.ToString().TrimEnd())
        {
            Accent = Accent,
            Footer = "A strong answer walks these steps in order; the grade shows which ones yours did.",
        }, rows);
    }

    /// <summary>A template part's title without the "1." its author may have numbered it with.</summary>
    public static string StepTitle(ChecklistPart part) => part.Title.TrimStart("0123456789".ToCharArray()).TrimStart('.', ' ') is { Length: > 0 } t ? t : part.Title;

    /// <summary>The graded result: score, each item ✓/✗ with evidence, follow-ups for the gaps, and template structure.</summary>
    public static Reply Result(InterviewPrompt prompt, PromptAttempt attempt, Checklist? template, ChecklistResult? structure, string? note)
    {
        var result = attempt.Result;
        var lines = new StringBuilder();
        foreach (var item in prompt.Rubric.Items)
        {
            var grade = result.Item(item.Id);
            lines.AppendLine(grade is { Covered: true }
                ? $"✓ **{item.Label}** — {QuotedText.Quote(grade.Evidence ?? "")}"
                : $"✗ **{item.Label}**");
        }

        var fields = new List<ReplyField>();
        var missed = prompt.Rubric.Items.Where(i => result.Item(i.Id) is not { Covered: true }).ToList();
        if (missed.Count > 0)
        {
            var questions = missed.Take(MaxFollowUpsShown).Select((item, i) => $"{i + 1}. {item.FollowUp}");
            fields.Add(new ReplyField("Follow-up questions", string.Join('\n', questions)));
        }
        else if (StaffFollowUp(prompt, attempt) is { } staff)
        {
            fields.Add(new ReplyField("Everything covered — a staff-level follow-up", staff));
        }

        if (template is not null && structure is not null)
        {
            fields.Add(new ReplyField($"Structure — {structure.Shown.Count}/{template.Parts.Count} template steps", Structure(template, structure)));
        }

        var covered = prompt.Rubric.Items.Count(i => result.Item(i.Id) is { Covered: true });
        var card = new ReplyCard($"Coverage {covered}/{prompt.Rubric.Items.Count} ({Percent(result.Score)}) — {prompt.Title}", lines.ToString().TrimEnd())
        {
            Accent = missed.Count == 0 ? 0x22C55E : Accent,
            Fields = fields,
            Footer = attempt.Answers.Count > 1 ? $"Attempt saved · {Quantity.Of(attempt.Answers.Count - 1, "follow-up answer")} merged" : "Attempt saved",
        };
        var controls = new List<Control>();
        if (missed.Count > 0)
        {
            controls.Add(new Button("Answer follow-ups",
                CustomId.For(PromptsFeature.FollowUpRoute, attempt.UserId, attempt.Id, attempt.Version.ToString(CultureInfo.InvariantCulture)), ControlStyle.Primary));
        }

        controls.Add(new Button("Another", CustomId.For(PromptsFeature.AnotherRoute, attempt.UserId, new PromptFilter(true, null, false).Args(prompt))));
        return Reply.Show(card, new ControlRow(controls)) with { Text = note };
    }

    /// <summary>Whole percent, halves rounded up as people expect (62.5 → 63).</summary>
    public static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Structure(Checklist template, ChecklistResult structure)
    {
        var shown = template.Parts.Where(p => structure.Shown.Contains(p.Id)).Select(StepTitle).ToList();
        var missing = template.Parts.Where(p => !structure.Shown.Contains(p.Id)).Select(StepTitle).ToList();
        var text = new StringBuilder();
        text.AppendLine(shown.Count == 0 ? "Shown: none of the steps yet." : $"Shown: {string.Join(", ", shown)}.");
        if (missing.Count > 0)
        {
            text.Append($"Not shown: {string.Join(", ", missing)}.");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One of the prompt's staff follow-ups, fixed per attempt so re-showing the result asks the same one.</summary>
    private static string? StaffFollowUp(InterviewPrompt prompt, PromptAttempt attempt)
    {
        if (prompt.StaffFollowUps.Count == 0)
        {
            return null;
        }

        var seed = attempt.Id.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return prompt.StaffFollowUps[(int)((uint)seed % (uint)prompt.StaffFollowUps.Count)];
    }

    private static string Shorten(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";
}
