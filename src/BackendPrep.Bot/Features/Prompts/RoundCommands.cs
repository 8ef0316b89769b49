using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>Group rounds: the public post, each member's private answer, and the starter's reveal.</summary>
internal sealed class RoundCommands(
    StudyContent content,
    IPromptRoundStore rounds,
    IChannelMessenger messenger,
    AnswerFlow answers,
    RoundBoard board,
    TimeProvider time)
{
    public async ValueTask<Response> StartAsync(InterviewPrompt prompt, Invocation invocation, CancellationToken ct)
    {
        var draft = new GroupRound(PromptKeys.NewId(), prompt.Id, invocation.User.Id, invocation.User.Name,
            invocation.GuildId!, invocation.ChannelId!, "", time.GetUtcNow());
        PostedMessage posted;
        try
        {
            posted = await messenger.PostAsync(Destination.Channel(draft.ChannelId), RoundViews.Message(prompt, draft, []), ct);
        }
        catch (DeliveryException ex) when (ex.Failure is DeliveryFailure.MissingPermissions or DeliveryFailure.UnknownChannel)
        {
            throw new UserFacingException("I can't post in this channel. Ask an admin to let me send messages here, or run `/prompt` without public:true.");
        }

        var round = draft with { ChannelId = posted.ChannelId, MessageId = posted.MessageId };
        await rounds.AddAsync(round, ct);
        return Reply.Say($"Group round started with **{prompt.Title}**. Everyone answers privately and the tally updates on the posted message; only you can reveal the rubric.") with
        {
            Rows = [RoundViews.Controls(prompt, round)],
        };
    }

    public async ValueTask<Response> AnswerAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var (round, prompt) = await LoadAsync(id.Arg(0), ct);
        if (await answers.ExistingResultAsync(round.AttemptIdFor(invocation.User.Id), invocation, "You already answered this round; here is your result.", ct) is { } existing)
        {
            return existing;
        }

        if (round.IsRevealed)
        {
            throw new UserFacingException("The rubric has been revealed, so this round is closed. Start a new one with `/prompt public:true`.");
        }

        // The public button belongs to everyone; the form it opens belongs to whoever pressed it.
        return new FormResponse(PromptViews.AnswerForm(prompt, CustomId.For(PromptsFeature.RoundSubmitRoute, invocation.User.Id, round.Id)));
    }

    public async ValueTask<Response> SubmitAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var (round, prompt) = await LoadAsync(id.Arg(0), ct);
        if (round.IsRevealed)
        {
            throw new UserFacingException("The rubric was revealed before your answer arrived, so this round is closed. Try `/prompt` for a private one.");
        }

        return await answers.SubmitAsync(prompt, round.AttemptIdFor(invocation.User.Id), round.Id, invocation, ct);
    }

    public async ValueTask<Response> RevealAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var (round, _) = await LoadAsync(id.Arg(0), ct);

        // The button is owned by everyone so members can answer; the reveal is the starter's alone.
        if (round.StarterId != invocation.User.Id)
        {
            throw new UserFacingException($"Only {QuotedText.Inert(round.StarterName, 40)}, who started this round, can reveal the rubric.");
        }

        if (!await rounds.MarkRevealedAsync(round.Id, time.GetUtcNow(), ct))
        {
            return Reply.Say("The rubric is already revealed on the round message.");
        }

        await board.RefreshAsync(round.Id, ct);
        return Reply.Say("Rubric revealed on the round message; the round is closed.");
    }

    private async ValueTask<(GroupRound Round, InterviewPrompt Prompt)> LoadAsync(string roundId, CancellationToken ct)
    {
        var round = await rounds.GetAsync(roundId, ct) ?? throw new UserFacingException("That group round no longer exists. Start one with `/prompt public:true`.");
        var prompt = content.Prompt(round.PromptId) ?? throw new UserFacingException("That round's prompt no longer exists.");
        return (round, prompt);
    }
}
