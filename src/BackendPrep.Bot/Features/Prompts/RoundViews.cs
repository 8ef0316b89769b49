using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>The public message of a group round: the prompt, the live tally, and (once revealed) the rubric.</summary>
internal static class RoundViews
{
    private const int Accent = 0xF59E0B;

    /// <summary>First argument of a round's Hint button, so the hint can offer the round's Answer button.</summary>
    public const string RoundHint = "-round"; // never a prompt key: content ids cannot start with "-"

    public static Reply Message(InterviewPrompt prompt, GroupRound round, IReadOnlyList<PromptAttempt> attempts)
    {
        var starter = QuotedText.Inert(round.StarterName, 40);
        var tally = RoundTally.Of(prompt.Rubric, attempts);
        var fields = new List<ReplyField> { new("Tally", Tally(prompt, tally)) };
        if (round.IsRevealed)
        {
            var counts = RoundTally.CoveredCounts(prompt.Rubric, attempts);
            var rubric = new StringBuilder();
            foreach (var item in prompt.Rubric.Items)
            {
                rubric.AppendLine($"• **{item.Label}** — covered by {counts[item.Id]}/{tally.Answered}");
            }

            fields.Add(new ReplyField("Rubric", rubric.ToString().TrimEnd()));
        }

        var card = new ReplyCard($"Group round — {prompt.Title}", prompt.Text)
        {
            Accent = Accent,
            Fields = fields,
            Footer = round.IsRevealed
                ? $"Rubric revealed by {starter}; the round is closed. Start another with /prompt public:true."
                : $"Started by {starter}. Everyone answers privately with Answer; only {starter} can reveal the rubric.",
        };
        return Reply.Show(card, Controls(prompt, round)).Publicly();
    }

    /// <summary>The round's buttons: owned by everyone, so each member can answer; the reveal checks the starter itself.</summary>
    public static ControlRow Controls(InterviewPrompt prompt, GroupRound round) => ControlRow.Of(
        new Button("Answer", CustomId.For(PromptsFeature.RoundAnswerRoute, CustomId.Anyone, round.Id), ControlStyle.Primary, Disabled: round.IsRevealed),
        new Button("Hint", CustomId.For(PromptsFeature.HintRoute, CustomId.Anyone, RoundHint, round.Id)),
        new Button("Reveal rubric", CustomId.For(PromptsFeature.RoundRevealRoute, CustomId.Anyone, round.Id), ControlStyle.Danger, Disabled: round.IsRevealed));

    private static string Tally(InterviewPrompt prompt, RoundTally tally)
    {
        if (tally.Answered == 0)
        {
            return "No answers yet. Press Answer to reply privately; only the tally is shown here.";
        }

        var text = $"**{tally.Answered}** member{(tally.Answered == 1 ? "" : "s")} answered · average coverage **{PromptViews.Percent(tally.AverageCoverage)}**";
        if (tally.MostMissedItemId is { } id && prompt.Rubric.Item(id) is { } item)
        {
            text += $" · most missed: **{item.Label}** ({tally.MostMissedCount}/{tally.Answered})";
        }

        return text;
    }
}
