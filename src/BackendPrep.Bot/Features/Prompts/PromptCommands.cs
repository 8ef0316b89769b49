using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary><c>/prompt</c> and the buttons of a private prompt card: Answer, Hint, Another, and the topic page's button.</summary>
internal sealed class PromptCommands(
    StudyContent content,
    IAttemptStore attempts,
    PromptPicker picker,
    AnswerFlow answers,
    RoundCommands rounds,
    TimeProvider time)
{
    private TopicFinder Finder => content.TopicFinder;

    public async ValueTask<Response> PromptAsync(Invocation invocation, CancellationToken ct)
    {
        var topic = ResolveTopic(invocation.Option("topic"));
        Level? level = null;
        if (invocation.Option("level") is { } levelText)
        {
            level = Enum.TryParse<Level>(levelText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(levelText[0])
                ? parsed
                : throw new UserFacingException($"Level must be mid, senior or staff, not \"{QuotedText.Inert(levelText, 20)}\".");
        }

        var filter = new PromptFilter(topic is not null, level, invocation.Flag("random"));
        var prompt = await PickAsync(invocation.User.Id, topic?.Id, filter, exclude: null, ct);
        if (invocation.Flag("public"))
        {
            if (invocation.GuildId is not null && invocation.ChannelId is not null)
            {
                return await rounds.StartAsync(prompt, invocation, ct);
            }

            return Card(prompt, invocation.User.Id, filter) with { Text = "Group rounds run in a server channel, so here is a private prompt instead." };
        }

        return Card(prompt, invocation.User.Id, filter);
    }

    public ValueTask<IReadOnlyList<Choice>> SuggestTopicsAsync(Invocation invocation)
    {
        var withPrompts = content.Prompts.Select(p => p.TopicId).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Choice> choices = [.. Finder.Search(invocation.FocusedValue)
            .Where(t => withPrompts.Contains(t.Id))
            .Select(t => (Topic: t, Count: content.Prompts.Count(p => p.TopicId == t.Id)))
            .Select(x => new Choice($"{x.Topic.Title} ({x.Count} prompt{(x.Count == 1 ? "" : "s")})", x.Topic.Id))];
        return ValueTask.FromResult(choices);
    }

    public async ValueTask<Response> AnotherAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var current = PromptKeys.Resolve(content, id.Arg(0));
        var filter = PromptFilter.From(id);
        var topicId = filter.SameTopic ? current?.TopicId : null;
        var prompt = await PickAsync(invocation.User.Id, topicId, filter, current?.Id, ct);
        return Card(prompt, id.Owner, filter).Replacing();
    }

    /// <summary>The topic page's "Prompts on this topic" button: a prompt on that topic, as a new message.</summary>
    public async ValueTask<Response> ForTopicAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var topic = content.Topic(id.Arg(0)) ?? throw new UserFacingException("That topic no longer exists. Try `/plan`.");
        var filter = new PromptFilter(SameTopic: true, null, false);
        return Card(await PickAsync(invocation.User.Id, topic.Id, filter, null, ct), invocation.User.Id, filter);
    }

    public ValueTask<Response> HintAsync(CustomId id)
    {
        // A round's hint offers the round's Answer (anyone may press it); a private card's offers its owner's Answer.
        var answer = id.Arg(0) == RoundViews.RoundHint
            ? new Button("Answer", CustomId.For(PromptsFeature.RoundAnswerRoute, CustomId.Anyone, id.Arg(1)), ControlStyle.Primary)
            : PromptKeys.Resolve(content, id.Arg(0)) is { } prompt && id.Arg(1).Length > 0
                ? new Button("Answer", CustomId.For(PromptsFeature.AnswerRoute, id.Owner, PromptKeys.Key(prompt), id.Arg(1)), ControlStyle.Primary)
                : null;
        return ValueTask.FromResult<Response>(PromptViews.Hint(content.Checklist(StudyContent.Ids.AnswerTemplate), answer));
    }

    public async ValueTask<Response> AnswerAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var prompt = PromptKeys.Resolve(content, id.Arg(0)) ?? throw new UserFacingException("That prompt no longer exists. Run `/prompt` for a new one.");
        var attemptId = id.Arg(1);
        if (await answers.ExistingResultAsync(attemptId, invocation, "You already answered this prompt; here is your result. Press Another for a new one.", ct) is { } existing)
        {
            return existing;
        }

        return new FormResponse(PromptViews.AnswerForm(prompt, CustomId.For(PromptsFeature.SubmitRoute, invocation.User.Id, PromptKeys.Key(prompt), attemptId)));
    }

    public ValueTask<Response> SubmitAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var prompt = PromptKeys.Resolve(content, id.Arg(0)) ?? throw new UserFacingException("That prompt no longer exists. Run `/prompt` for a new one.");
        var attemptId = id.Arg(1).Length > 0 ? id.Arg(1) : throw new UserFacingException("That form is incomplete. Run `/prompt` again.");
        return answers.SubmitAsync(prompt, attemptId, roundId: null, invocation, ct);
    }

    internal async ValueTask<InterviewPrompt> PickAsync(string userId, string? topicId, PromptFilter filter, string? exclude, CancellationToken ct)
    {
        IReadOnlyList<InterviewPrompt> candidates = [.. content.Prompts.Where(p =>
            (topicId is null || p.TopicId == topicId) && (filter.Level is null || p.Level == filter.Level))];
        if (candidates.Count == 0)
        {
            var where = topicId is null ? "" : $" on {content.Topic(topicId)?.Title ?? topicId}";
            var at = filter.Level is null ? "" : $" at {filter.Level.ToString()!.ToLowerInvariant()} level";
            throw new UserFacingException($"I have no prompts{where}{at} yet. Try another level or topic.");
        }

        var now = time.GetUtcNow();
        var history = filter.Uniform ? [] : await attempts.ForUserAsync(userId, ct);
        var shown = filter.Uniform ? null : await attempts.ShownAsync(userId, ct);
        var prompt = picker.Pick(candidates, history, now, filter.Uniform, exclude, shown)!;
        await attempts.MarkShownAsync(userId, prompt.Id, now, ct);
        return prompt;
    }

    private Reply Card(InterviewPrompt prompt, string owner, PromptFilter filter) =>
        PromptViews.Card(prompt, content.Topic(prompt.TopicId), owner, PromptKeys.NewId(), filter);

    private Topic? ResolveTopic(string? query)
    {
        if (query is null)
        {
            return null;
        }

        if ((content.Topic(query) ?? Finder.Exact(query)) is { } topic)
        {
            return topic;
        }

        if (Finder.Search(query, 1) is [var closest])
        {
            return closest;
        }

        var withPrompts = content.Topics.Where(t => content.Prompts.Any(p => p.TopicId == t.Id)).Select(t => $"`{t.Id}`");
        throw new UserFacingException($"I have no topic called \"{QuotedText.Inert(query, 40)}\". Topics with prompts: {string.Join(", ", withPrompts)}.");
    }
}
