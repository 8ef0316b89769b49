using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Study;

/// <summary><c>/incident</c>: a form with the five parts of the incident compression template, checked part by part.</summary>
internal sealed class IncidentCommands(StudyContent content, AnswerGrader grader)
{
    /// <summary>Fewer words than this is a heading, not an account of what happened.</summary>
    private const int SubstantiveWords = 6;

    private Checklist Template => content.Checklist(StudyContent.Ids.IncidentTemplate)
        ?? throw new UserFacingException("The incident template is missing from the content.");

    public ValueTask<Response> OpenAsync(Invocation invocation) => ValueTask.FromResult<Response>(new FormResponse(new Form(
        "Incident compression",
        CustomId.For(StudyFeature.IncidentFormRoute, invocation.User.Id),
        [.. Template.Parts.Take(5).Select(p => new FormField(p.Id, p.Title, FieldStyle.Paragraph, Required: false, MaxLength: 1000)
        {
            Placeholder = p.Description.Length > 100 ? p.Description[..97] + "…" : p.Description,
        })])));

    public ValueTask<Response> CheckAsync(Invocation invocation)
    {
        var lines = new StringBuilder();
        var good = 0;
        foreach (var part in Template.Parts.Take(5))
        {
            var text = (invocation.Fields.GetValueOrDefault(part.Id) ?? "").Trim();
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var single = new Checklist(Template.Id, Template.Title, [part], Template.Source);
            var onTarget = words > 0 && grader.Check(single, text).Parts[0].Shown;
            var (mark, note) = (words, onTarget) switch
            {
                (0, _) => ("✗", "missing — " + part.Description),
                ( < SubstantiveWords, _) => ("~", $"too thin ({words} words): say what happened, with a number or a time"),
                (_, false) => ("~", "present, but it does not yet say " + part.Description.TrimEnd('.').ToLowerInvariant()),
                _ => ("✓", "present and substantive"),
            };
            good += mark == "✓" ? 1 : 0;
            lines.AppendLine($"{mark} **{part.Title}** — {note}");
        }

        return ValueTask.FromResult<Response>(Reply.Show(new ReplyCard($"Incident story: {good}/5 parts solid", lines.ToString().TrimEnd())
        {
            Accent = good == 5 ? 0x22C55E : 0xF59E0B,
            Footer = "Impact → detection gap → mitigation → remedy → automated guard. Rehearse it until it fits in 60 seconds.",
        }));
    }
}
