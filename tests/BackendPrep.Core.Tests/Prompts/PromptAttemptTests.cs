using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using static BackendPrep.Core.Tests.Attempts.PromptFixtures;

namespace BackendPrep.Core.Tests.Attempts;

public sealed class PromptAttemptTests
{
    private static readonly InterviewPrompt Webhook = Prompt("webhook", "idempotency", "sig", "dedupe", "dlq", "replay");

    [Fact]
    public void A_follow_up_graded_on_missed_items_merges_into_coverage_and_keeps_earlier_evidence()
    {
        var first = Attempt(Webhook, Now, covered: ["sig"]);
        var followUp = new GradeResult(Webhook.Id, [new("dedupe", true, "We dedupe on the event id."), new("dlq", false, null), new("replay", false, null)]);

        var merged = first.WithFollowUp("We dedupe on the event id.", followUp, Now.AddMinutes(2));

        Assert.Equal(["sig", "dedupe"], merged.Result.Covered);
        Assert.Equal("sig sentence.", merged.Result.Item("sig")!.Evidence);
        Assert.Equal("We dedupe on the event id.", merged.Result.Item("dedupe")!.Evidence);
        Assert.Equal(0.5, merged.Score);
        Assert.Equal(2, merged.Version);
        Assert.Equal(Now.AddMinutes(2), merged.UpdatedAt);
        Assert.Equal(Now, merged.StartedAt);
        Assert.Equal(["dedupe", "dlq", "replay"], merged.Answers[1].GradedItems);
        Assert.Equal(0.25, first.Score); // the original record is untouched
    }

    [Fact]
    public void A_follow_up_never_uncovers_an_item()
    {
        var first = Attempt(Webhook, Now, covered: ["sig", "dlq"]);

        var merged = first.WithFollowUp("no", new GradeResult(Webhook.Id, [new("sig", false, null), new("dedupe", false, null)]), Now);

        Assert.Equal(["sig", "dlq"], merged.Result.Covered);
    }

    [Fact]
    public void The_round_tally_counts_each_member_once_and_names_the_most_missed_item()
    {
        var alice = Attempt(Webhook, Now, "alice", "sig", "dedupe");
        var aliceLater = alice.WithFollowUp("more", new GradeResult(Webhook.Id, [new("dlq", true, "DLQ it.")]), Now);
        var bob = Attempt(Webhook, Now, "bob", "sig");

        var tally = RoundTally.Of(Webhook.Rubric, [alice, aliceLater, bob]);

        Assert.Equal(2, tally.Answered);
        Assert.Equal((0.75 + 0.25) / 2, tally.AverageCoverage, 6);
        Assert.Equal(("replay", 2), (tally.MostMissedItemId, tally.MostMissedCount));
        Assert.Equal(2, RoundTally.CoveredCounts(Webhook.Rubric, [aliceLater, bob])["sig"]);
        Assert.Same(RoundTally.Empty, RoundTally.Of(Webhook.Rubric, []));
    }
}
