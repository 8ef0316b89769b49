using System.Globalization;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>Handlers for <c>/drill …</c> and the drill buttons and form.</summary>
internal sealed class DrillCommands(DrillService drills, StudyContent content, AnswerGrader grader, TimeProvider time)
{
    private TopicFinder Finder => content.TopicFinder;

    public async ValueTask<Response> NextAsync(Invocation invocation, CancellationToken ct)
    {
        var user = await drills.SettingsAsync(invocation.User.Id, ct);
        var deck = user.Deck;
        if (invocation.Option("deck") is { } name)
        {
            deck = DrillDeck.ByName.TryGetValue(name, out var chosen)
                ? chosen
                : throw new UserFacingException($"I have no deck \"{QuotedText.Inert(name, 40)}\". Decks: {string.Join(", ", DrillDeck.ByName.Keys)}.");
        }

        // Remember the deck, the guild (for the group reminder's counts) and hand over any pending note once.
        await drills.SaveSettingsAsync(user with { Deck = deck, LastGuildId = invocation.GuildId ?? user.LastGuildId, Note = null }, ct);
        return await ShowNextAsync(invocation.User.Id, deck, user.Note, ct);
    }

    public async ValueTask<Response> CramAsync(Invocation invocation, CancellationToken ct)
    {
        var query = invocation.Option("topic") ?? "";
        var topic = content.Topic(query) ?? Finder.Resolve(query)
            ?? throw new UserFacingException($"I have no topic \"{QuotedText.Inert(query, 40)}\". Try one of: {string.Join(", ", content.Topics.Take(8).Select(t => $"`{t.Id}`"))}.");
        return await ShowCramAsync(invocation.User.Id, topic.Id, null, null, ct);
    }

    public ValueTask<Response> TopicAsync(Invocation invocation, CustomId id, CancellationToken ct) =>
        ShowCramAsync(invocation.User.Id, id.Arg(0), null, null, ct);

    public async ValueTask<Response> StartAsync(Invocation invocation, CancellationToken ct)
    {
        var user = await drills.SettingsAsync(invocation.User.Id, ct);
        await drills.SaveSettingsAsync(user with { LastGuildId = invocation.GuildId ?? user.LastGuildId, Note = null }, ct);
        return await ShowNextAsync(invocation.User.Id, user.Deck, user.Note, ct);
    }

    public ValueTask<IReadOnlyList<Choice>> SuggestTopicsAsync(Invocation invocation) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>([.. Finder.Search(invocation.FocusedValue).Select(t => new Choice(t.Title, t.Id))]);

    public async ValueTask<Response> RevealAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var card = Card(id.Arg(0));
        var memory = await drills.MemoryAsync(invocation.User.Id, card.Id, ct);
        return DrillViews.Back(card, memory, DrillViews.ParseMode(id.Arg(2)), await drills.PreviewAsync(invocation.User.Id, memory, ct), id.Owner).Replacing();
    }

    public ValueTask<Response> AskAnswerAsync(CustomId id)
    {
        var card = Card(id.Arg(0));
        return ValueTask.FromResult<Response>(new FormResponse(DrillViews.AnswerForm(card, id.Owner, [.. id.Args])));
    }

    public async ValueTask<Response> CheckAnswerAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var card = Card(id.Arg(0));
        var answer = invocation.Fields.GetValueOrDefault("answer") ?? "";
        var match = grader.MatchMoves(DrillDeck.Moves(card), answer);
        var memory = await drills.MemoryAsync(invocation.User.Id, card.Id, ct);
        return DrillViews.Back(card, memory, DrillViews.ParseMode(id.Arg(2)), await drills.PreviewAsync(invocation.User.Id, memory, ct), id.Owner, match);
    }

    public async ValueTask<Response> RateAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var card = Card(id.Arg(0));
        if (!int.TryParse(id.Arg(1), NumberStyles.None, CultureInfo.InvariantCulture, out var reps)
            || !int.TryParse(id.Arg(2), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value is < 1 or > 4)
        {
            throw new UserFacingException("That rating button is damaged. Run `/drill next` again.");
        }

        var mode = DrillViews.ParseMode(id.Arg(3));
        var outcome = await drills.RateAsync(invocation.User.Id, card.Id, reps, (Rating)value, mode, ct);
        var lead = !outcome.Recorded
            ? "That card was already rated, so I kept the first rating."
            : mode == DrillMode.Cram
                ? $"Noted ({(Rating)value}); your schedule is unchanged."
                : $"Recorded {(Rating)value} — {DrillViews.ComesBack(outcome.Card!, time.GetUtcNow())}. {DrillViews.StreakLine(outcome.Streak)}";
        var reply = mode == DrillMode.Cram
            ? await ShowCramAsync(invocation.User.Id, card.TopicId ?? "", card.Id, lead, ct)
            : await ShowNextAsync(invocation.User.Id, card.Deck, lead, ct);
        return reply is MessageResponse m ? m.Reply.Replacing() : reply;
    }

    public async ValueTask<Response> SettingsAsync(Invocation invocation, CancellationToken ct)
    {
        var user = await drills.SettingsAsync(invocation.User.Id, ct);
        if (invocation.Option("timezone") is { } zone)
        {
            user = user with { TimeZone = TimeZoneNames.Resolve(zone) ?? throw new UserFacingException(TimeZoneNames.Unknown(zone)) };
        }

        if (invocation.Option("retention") is { } retentionText)
        {
            if (!double.TryParse(retentionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var retention)
                || retention < FsrsScheduler.MinDesiredRetention || retention > FsrsScheduler.MaxDesiredRetention)
            {
                throw new UserFacingException($"Retention must be a number from {FsrsScheduler.MinDesiredRetention} to {FsrsScheduler.MaxDesiredRetention} (0.9 = remember 90% when a card comes back).");
            }

            user = user with { Retention = retention };
        }

        if (invocation.Option("new-per-day") is { } newText)
        {
            if (!int.TryParse(newText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var perDay) || perDay is < 0 or > 200)
            {
                throw new UserFacingException("new-per-day must be a whole number from 0 to 200.");
            }

            user = user with { NewPerDay = perDay };
        }

        if (invocation.Option("interview-date") is { } dateText)
        {
            user = user with { InterviewDate = ParseInterviewDate(dateText, user) };
        }

        await drills.SaveSettingsAsync(user, ct);
        var interview = user.InterviewDate is { } d
            ? $"interview on {d:yyyy-MM-dd} (retention raised to {Math.Max(user.Retention, InterviewDateMode.DefaultRetention):0.##}, every card seen before it)"
            : "no interview date";
        return Reply.Say(FormattableString.Invariant(
            $"Drill settings: retention {user.Retention:0.##}, {user.NewPerDay} new cards a day, time zone {user.TimeZone}, deck {DrillDeck.Name(user.Deck)}, {interview}."));
    }

    private DateOnly? ParseInterviewDate(string text, DrillSettings user)
    {
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UserFacingException($"\"{QuotedText.Inert(text, 40)}\" is not a date: use YYYY-MM-DD, e.g. 2027-01-15 (or `off`).");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), user.Zone()).DateTime);
        return date > today ? date : throw new UserFacingException($"The interview date must be after today ({today:yyyy-MM-dd} in {user.TimeZone}).");
    }

    private async ValueTask<Response> ShowNextAsync(string userId, Deck deck, string? lead, CancellationToken ct)
    {
        var step = await drills.NextAsync(userId, deck, ct);
        if (step.Item is not { } item)
        {
            var user = await drills.SettingsAsync(userId, ct);
            return DrillViews.Done(DrillMode.Queue, await drills.StreakAsync(user, time.GetUtcNow(), ct), lead);
        }

        return DrillViews.Front(item.Card, item.Memory, step, userId, lead);
    }

    private async ValueTask<Response> ShowCramAsync(string userId, string topicId, string? after, string? lead, CancellationToken ct)
    {
        if (content.Topic(topicId) is null)
        {
            throw new UserFacingException("That topic no longer exists. Try `/plan`.");
        }

        var step = await drills.CramAsync(userId, topicId, after, ct);
        if (step.Item is not { } item)
        {
            var user = await drills.SettingsAsync(userId, ct);
            return after is null
                ? Reply.Say($"Topic `{topicId}` has no drill cards yet.")
                : DrillViews.Done(DrillMode.Cram, await drills.StreakAsync(user, time.GetUtcNow(), ct), lead);
        }

        return DrillViews.Front(item.Card, item.Memory, step, userId, lead);
    }

    private Flashcard Card(string id) =>
        content.Card(id) ?? throw new UserFacingException("That card is no longer in the content. Run `/drill next` again.");
}
