using BackendPrep.Bot.Features.Prompts;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Progress;

/// <summary><c>/progress</c> (yours, with a chart; or what another member made public) and the practise-this-item buttons.</summary>
internal sealed class ProgressCommands(
    StudyContent content,
    ITopicProgressStore topics,
    IAttemptStore attempts,
    IStudySessionStore sessions,
    IDrillHistory drills,
    IPrivacyStore privacy,
    IProfileStore profiles,
    InteractionRouter router,
    TimeProvider time)
{
    public async ValueTask<Response> ShowAsync(Invocation invocation, CancellationToken ct)
    {
        await Sightings.RecordAsync(profiles, invocation, time, ct);
        var target = await MemberMention.ResolveAsync(invocation.Option("user"), invocation.GuildId, profiles, ct);
        return target is null || target == invocation.User.Id
            ? await OwnAsync(invocation.User.Id, ct)
            : await OthersAsync(target, invocation.GuildId, ct);
    }

    /// <summary>Everything, only for the owner: the reply is private whatever the options say.</summary>
    private async Task<Reply> OwnAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var input = await InputAsync(userId, ct);
        var summary = ProgressReport.Build(content, input, now);
        var chart = ProgressChart.Render(ProgressSeries.Daily(input.Reviews, input.Attempts, input.Zone, now), summary.CoverageByTopic, input.Zone.Id);
        return ProgressViews.Own(summary, input.Zone, item => PracticeAction(userId, item)) with
        {
            File = new ReplyFile(ProgressChart.FileName, "image/png", chart),
        };
    }

    /// <summary>Only the fields the member chose to make public, computed from their data; nothing else is read into the reply.</summary>
    private async Task<Reply> OthersAsync(string userId, string? guildId, CancellationToken ct)
    {
        var settings = await privacy.GetAsync(userId, ct);
        var name = guildId is null ? null : (await profiles.GetAsync(guildId, userId, ct))?.Name;
        var label = name ?? $"<@{userId}>";
        if (settings.Public == PublicFields.None)
        {
            return Reply.Say($"{label} keeps their progress private.");
        }

        var summary = ProgressReport.Build(content, await InputAsync(userId, ct), time.GetUtcNow());
        return ProgressViews.Public(label, summary, settings);
    }

    public async ValueTask<Response> PracticeAsync(CustomId id, CancellationToken ct)
    {
        var prompt = PromptKeys.Resolve(content, id.Arg(0)) ?? throw new UserFacingException("That prompt no longer exists. Run `/progress` again.");
        var item = prompt.Rubric.Item(id.Arg(1)) ?? throw new UserFacingException("That rubric item no longer exists. Run `/progress` again.");
        await attempts.MarkShownAsync(id.Owner, prompt.Id, time.GetUtcNow(), ct);
        var answer = router.Routes.ComponentRouteExists(PromptsFeature.AnswerRoute)
            ? new Button("Answer", CustomId.For(PromptsFeature.AnswerRoute, id.Owner, PromptKeys.Key(prompt), PromptKeys.NewId()), ControlStyle.Primary)
            : null;
        return ProgressViews.Practice(prompt, item, content.Topic(prompt.TopicId), answer);
    }

    private string PracticeAction(string owner, MissedItem item)
    {
        var prompt = content.Prompt(item.PromptId)!;
        var route = router.Routes.ComponentRouteExists(ProgressFeature.PromptItemRoute) ? ProgressFeature.PromptItemRoute : ProgressFeature.PracticeItemRoute;
        return CustomId.For(route, owner, PromptKeys.Key(prompt), item.ItemId);
    }

    private async Task<ProgressInput> InputAsync(string userId, CancellationToken ct) => new(
        await topics.LearnedAsync(userId, ct),
        await attempts.ForUserAsync(userId, ct),
        await drills.MomentsAsync(userId, ct),
        await drills.CardsAsync(userId, ct),
        await sessions.HistoryAsync(userId, ct),
        await drills.ZoneAsync(userId, ct));
}

/// <summary>Records that a member used the bot in a guild, so the leaderboard knows the guild's members.</summary>
internal static class Sightings
{
    public static Task RecordAsync(IProfileStore profiles, Invocation invocation, TimeProvider time, CancellationToken ct) =>
        invocation.GuildId is { } guild
            ? profiles.RecordUseAsync(guild, invocation.User.Id, invocation.User.Name, time.GetUtcNow(), ct)
            : Task.CompletedTask;
}
