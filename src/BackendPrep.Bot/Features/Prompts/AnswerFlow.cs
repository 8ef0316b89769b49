using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>
/// Grading and storing answers, shared by private prompts and group rounds: the first answer creates the attempt
/// (once, whatever the retries), a follow-up answer is graded on the missed items and merged in (once per version).
/// </summary>
internal sealed class AnswerFlow(StudyContent content, AnswerGrader grader, IAttemptStore attempts, RoundBoard board, TimeProvider time)
{
    public async ValueTask<Response> SubmitAsync(InterviewPrompt prompt, string attemptId, string? roundId, Invocation invocation, CancellationToken ct)
    {
        var answer = AnswerText.Clean(invocation.Fields.GetValueOrDefault(PromptViews.AnswerField));
        if (answer.Length == 0)
        {
            throw new UserFacingException("Your answer was empty, so I graded nothing. Press Answer again and write it out.");
        }

        var result = grader.Grade(prompt.Id, prompt.Rubric, answer);
        var attempt = PromptAttempt.First(attemptId, invocation.User.Id, prompt, answer, result, time.GetUtcNow(), roundId);
        if (!await attempts.TryAddAsync(attempt, ct))
        {
            return await ExistingAsync(attemptId, invocation, "You had already answered this one, so I kept your first answer. Here is its result.", ct);
        }

        if (roundId is not null)
        {
            await board.RefreshAsync(roundId, ct);
        }

        return Result(prompt, attempt, null);
    }

    public async ValueTask<Response> FollowUpAsync(string attemptId, int version, Invocation invocation, CancellationToken ct)
    {
        var (attempt, prompt) = await LoadOwnAsync(attemptId, invocation, ct);
        if (attempt.Version != version)
        {
            return Result(prompt, attempt, "That follow-up was already recorded; here is the attempt as it stands.");
        }

        var answer = AnswerText.Clean(invocation.Fields.GetValueOrDefault(PromptViews.AnswerField));
        if (answer.Length == 0)
        {
            throw new UserFacingException("Your follow-up answer was empty, so nothing changed.");
        }

        var missed = attempt.Result.Missed;
        var before = attempt.Result.Covered.Count;
        var followUp = grader.Grade(prompt.Id, prompt.Rubric, answer, missed);
        var updated = attempt.WithFollowUp(answer, followUp, time.GetUtcNow());
        if (!await attempts.TryReplaceAsync(updated, attempt.Version, ct))
        {
            return await ExistingAsync(attemptId, invocation, "That follow-up was already recorded; here is the attempt as it stands.", ct);
        }

        if (updated.RoundId is { } roundId)
        {
            await board.RefreshAsync(roundId, ct);
        }

        var gained = updated.Result.Covered.Count - before;
        var note = gained == 0
            ? "Your follow-up didn't cover a missed point yet. Name the mechanism and why it holds."
            : $"Your follow-up covered {gained} more point{(gained == 1 ? "" : "s")}.";
        return Result(prompt, updated, note);
    }

    /// <summary>The form for answering an attempt's missed items, or a refusal when nothing is missing.</summary>
    public async ValueTask<Response> FollowUpFormAsync(CustomId id, Invocation invocation, CancellationToken ct)
    {
        var (attempt, prompt) = await LoadOwnAsync(id.Arg(0), invocation, ct);
        var first = prompt.Rubric.Items.FirstOrDefault(i => attempt.Result.Item(i.Id) is not { Covered: true });
        if (first is null)
        {
            return Result(prompt, attempt, "Everything is covered already.");
        }

        var action = CustomId.For(PromptsFeature.FollowUpSubmitRoute, invocation.User.Id, attempt.Id, attempt.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new FormResponse(PromptViews.FollowUpForm(prompt, first, action));
    }

    public async ValueTask<Response?> ExistingResultAsync(string attemptId, Invocation invocation, string note, CancellationToken ct) =>
        await attempts.GetAsync(attemptId, ct) is { } attempt && attempt.UserId == invocation.User.Id && content.Prompt(attempt.PromptId) is { } prompt
            ? Result(prompt, attempt, note)
            : null;

    private async ValueTask<Response> ExistingAsync(string attemptId, Invocation invocation, string note, CancellationToken ct) =>
        await ExistingResultAsync(attemptId, invocation, note, ct)
        ?? throw new UserFacingException("That attempt belongs to someone else.");

    private async ValueTask<(PromptAttempt Attempt, InterviewPrompt Prompt)> LoadOwnAsync(string attemptId, Invocation invocation, CancellationToken ct)
    {
        var attempt = await attempts.GetAsync(attemptId, ct);
        if (attempt is null || attempt.UserId != invocation.User.Id)
        {
            throw new UserFacingException("I can't find that attempt of yours. Run `/prompt` for a new one.");
        }

        var prompt = content.Prompt(attempt.PromptId) ?? throw new UserFacingException("That prompt no longer exists. Run `/prompt` for a new one.");
        return (attempt, prompt);
    }

    private MessageResponse Result(InterviewPrompt prompt, PromptAttempt attempt, string? note)
    {
        var template = content.Checklist(StudyContent.Ids.AnswerTemplate);
        var structure = template is null ? null : grader.Check(template, attempt.AllText);
        return new MessageResponse(PromptViews.Result(prompt, attempt, template, structure, note));
    }
}
