using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Topics;

internal sealed class TopicCommands(StudyContent content, ITopicProgressStore progress, InteractionRouter router, TimeProvider time)
{
    private TopicFinder Finder => content.TopicFinder;

    public async ValueTask<Response> ShowAsync(Invocation invocation, CancellationToken ct)
    {
        var query = invocation.Option("name") ?? "";
        if ((content.Topic(query) ?? Finder.Resolve(query)) is not { } topic)
        {
            var closest = Finder.Search(query, 5);
            var list = closest.Count == 0 ? content.Topics : closest;
            return Reply.Say($"I have no topic called \"{QuotedText.Inert(query, 40)}\". Closest: {string.Join(", ", list.Select(t => $"`{t.Id}` ({t.Title})"))}.");
        }

        var learned = await progress.LearnedAsync(invocation.User.Id, ct);
        return TopicViews.Section(topic, SectionKind.CoreDetails, invocation.User.Id, learned.ContainsKey(topic.Id), router.Routes)
            .Publicly(invocation.Flag("public"));
    }

    public ValueTask<IReadOnlyList<Choice>> SuggestAsync(Invocation invocation) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>([.. Finder.Search(invocation.FocusedValue).Select(t => new Choice(t.Title, t.Id))]);

    public async ValueTask<Response> SectionAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var topic = content.Topic(id.Arg(0)) ?? throw new UserFacingException("That topic no longer exists. Try `/plan`.");
        if (!Enum.TryParse<SectionKind>(id.Arg(1), out var kind) || topic.Section(kind) is null)
        {
            throw new UserFacingException("That section no longer exists. Run `/topic` again.");
        }

        var learned = await progress.LearnedAsync(invocation.User.Id, ct);
        return TopicViews.Section(topic, kind, id.Owner, learned.ContainsKey(topic.Id), router.Routes).Replacing();
    }

    public async ValueTask<Response> MarkLearnedAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var topic = content.Topic(id.Arg(0)) ?? throw new UserFacingException("That topic no longer exists. Try `/plan`.");
        var kind = Enum.TryParse<SectionKind>(id.Arg(1), out var k) ? k : SectionKind.CoreDetails;
        await progress.MarkLearnedAsync(invocation.User.Id, topic.Id, time.GetUtcNow(), ct);
        var view = TopicViews.Section(topic, kind, id.Owner, learned: true, router.Routes);
        var next = TopicViews.Next(content.Topics, await progress.LearnedAsync(invocation.User.Id, ct));
        var note = next is null ? "Marked learned. That completes the study plan!" : $"Marked learned. Next in the plan: **{next.Title}** (`/topic name:{next.Id}`).";
        return (view with { Text = note }).Replacing();
    }

    public async ValueTask<Response> PlanAsync(Invocation invocation, CancellationToken ct)
    {
        var learned = await progress.LearnedAsync(invocation.User.Id, ct);
        return TopicViews.Plan(content.Topics, learned);
    }
}
