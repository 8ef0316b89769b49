using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>Reply builders for drills. Every control carries card id, review count and mode, so a stale press is detected.</summary>
internal static class DrillViews
{
    private const int Accent = 0x2E86C1;

    public static string ModeArg(DrillMode mode) => mode == DrillMode.Cram ? "c" : "q";

    public static DrillMode ParseMode(string arg) => arg == "c" ? DrillMode.Cram : DrillMode.Queue;

    public static Reply Front(Flashcard card, ReviewCard memory, DrillStep step, string owner, string? note = null)
    {
        string[] args = [card.Id, Reps(memory), ModeArg(step.Mode)];
        return new Reply
        {
            Text = note,
            Cards = [new ReplyCard(Title(card, step.Mode), card.Front) { Footer = Footer(step), Accent = Accent }],
            Rows =
            [
                ControlRow.Of(
                    new Button("Reveal", CustomId.For(DrillsFeature.RevealRoute, owner, args), ControlStyle.Primary),
                    new Button("Type my answer", CustomId.For(DrillsFeature.TypeRoute, owner, args))),
            ],
        };
    }

    public static Reply Back(Flashcard card, ReviewCard memory, DrillMode mode, IntervalPreview preview, string owner, MoveMatch? match = null)
    {
        var moves = card.Back.Select((back, i) => match is null
            ? $"• {DrillDeck.MoveText(back)}"
            : $"{(match.Named[i] ? "✅" : "▫️")} {DrillDeck.MoveText(back)}");
        var body = $"{card.Front}\n\n**Expected moves**\n{string.Join('\n', moves)}";
        Rating? suggested = match is null ? null : (Rating)(int)match.Rating;
        var footer = match is null
            ? "How well did you recall it?"
            : $"You named {match.NamedCount} of {match.Named.Count} moves — suggested rating: {suggested}. The choice is yours.";
        return new Reply
        {
            Cards = [new ReplyCard(Title(card, mode), body) { Footer = footer, Accent = Accent }],
            Rows = [ControlRow.Of([.. Enum.GetValues<Rating>().Select(r => RateButton(card, memory, mode, preview, r, owner, r == suggested))])],
        };
    }

    public static Reply Done(DrillMode mode, StreakSummary streak, string? lead) => Reply.Say(string.Join(' ', new[]
    {
        lead,
        mode == DrillMode.Cram ? "That was the whole topic — cram done." : "Nothing else is due now — you're done for today. 🎉",
        StreakLine(streak),
    }.Where(s => !string.IsNullOrEmpty(s))));

    public static string StreakLine(StreakSummary streak) => streak.TodayCounts
        ? $"Streak: {Quantity.Of(streak.Current, "day")} (today counts)."
        : $"Streak: {Quantity.Of(streak.Current, "day")}; {Quantity.Of(streak.ReviewsNeededToday, "more review")} today to keep it.";

    public static string ComesBack(ReviewCard card, DateTimeOffset now)
    {
        var days = (int)Math.Round((card.Due - now).TotalDays);
        return days <= 0 ? "back later today" : days == 1 ? "back tomorrow" : $"back in {days} days";
    }

    public static Form AnswerForm(Flashcard card, string owner, string[] args) =>
        new("Your answer", CustomId.For(DrillsFeature.TypedRoute, owner, args),
            [new FormField("answer", Shorten(card.Front, 45), FieldStyle.Paragraph, MaxLength: 2000) { Placeholder = "Your first moves, in a few lines" }]);

    private static Button RateButton(Flashcard card, ReviewCard memory, DrillMode mode, IntervalPreview preview, Rating rating, string owner, bool suggested)
    {
        var label = mode == DrillMode.Cram ? rating.ToString() : $"{rating} · {preview.Days(rating)}d";
        var style = suggested ? ControlStyle.Primary : rating == Rating.Again ? ControlStyle.Danger : ControlStyle.Secondary;
        return new Button(label, CustomId.For(DrillsFeature.RateRoute, owner, card.Id, Reps(memory), ((int)rating).ToString(System.Globalization.CultureInfo.InvariantCulture), ModeArg(mode)), style);
    }

    private static string Title(Flashcard card, DrillMode mode) =>
        mode == DrillMode.Cram ? $"Cram · {card.TopicId}" : $"Drill · {DrillDeck.Name(card.Deck)}";

    private static string Footer(DrillStep step) => step.Mode == DrillMode.Cram
        ? $"{Quantity.Of(step.Due, "card")} left in this topic · cram does not change your schedule"
        : $"{step.Due} due · {step.NewLeft} new";

    private static string Reps(ReviewCard memory) => memory.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
