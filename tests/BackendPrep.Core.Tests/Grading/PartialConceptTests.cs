using BackendPrep.Core.Grading;
using static BackendPrep.Core.Tests.Grading.TestRubrics;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>A concept of three or more stems may match with one stem absent, if two of those present are the item's own.</summary>
public sealed class PartialConceptTests
{
    private static readonly Prompts.Rubric Rubric = Of(
        Item("dedupe", "remember processed events", "processed events table"),
        Item("dlq", "failed events table", "dead letter queue"));

    private readonly AnswerGrader _grader = new();

    private IReadOnlyList<string> Covered(string answer) => _grader.Grade("partial", Rubric, answer).Covered;

    [Fact]
    public void All_but_one_stem_matches_when_the_present_stems_are_the_items_own()
    {
        // "remember processed events" without "events": remember and processed belong to no other item.
        Assert.Equal(["dedupe"], Covered("We remember which payments were already processed by the worker."));
    }

    [Fact]
    public void Words_the_items_share_do_not_earn_a_partial_match()
    {
        // "failed events table" less "events": "table" is also the dedupe item's, so only "failed" is the item's own.
        Assert.Empty(Covered("Payments that failed are written to a table for later."));
    }

    [Fact]
    public void Two_missing_stems_or_a_two_word_concept_less_one_earn_nothing()
    {
        Assert.Empty(Covered("We remember the payments in a ledger."));
        Assert.Empty(Covered("Each letter we send is queued for the mail room."));
    }

    [Fact]
    public void A_partial_match_is_negated_like_a_whole_one()
    {
        Assert.Empty(Covered("We don't remember which payments were already processed."));
    }

    [Fact]
    public void Template_parts_still_match_whole()
    {
        var checklist = Checklist(("tradeoffs", ["remember processed events"]));

        Assert.False(_grader.Check(checklist, "We remember which payments were already processed by the worker.").Parts[0].Shown);
    }
}
