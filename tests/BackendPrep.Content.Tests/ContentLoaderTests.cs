using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Tests;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Minimal_corpus_loads_into_the_model()
    {
        using var content = TempContent.Minimal();

        var result = ContentLoader.Load(content.Root);

        Assert.Empty(result.Problems);
        var study = result.Content!;
        var topic = Assert.Single(study.Topics);
        Assert.Equal(["tee"], topic.Aliases);
        Assert.Equal(Topic.StudySections, topic.Sections.Select(s => s.Kind).ToArray());
        Assert.Contains("a --> b", topic.Section(SectionKind.Diagram)!.Markdown, StringComparison.Ordinal);
        var prompt = study.Prompt("p")!;
        Assert.Equal(Level.Senior, prompt.Level);
        Assert.Equal("Design a thing.", prompt.Text);
        Assert.Equal(["alpha", "first thing"], prompt.Rubric.Item("a")!.Concepts);
        Assert.Equal("What about A?", prompt.Rubric.Item("a")!.FollowUp);
        Assert.Equal(["And at scale?"], prompt.StaffFollowUps);
        Assert.Equal("term.term-a", Assert.Single(study.Cards).Id);
        Assert.Equal(["invariant", "must never"], study.Checklist("answer-template")!.Parts[0].Concepts);
    }

    [Fact]
    public void Rubric_item_without_follow_up_is_reported_with_file_and_line()
    {
        using var content = TempContent.Minimal().With("prompts/p2.md", """
            ---
            id: p2
            topic: t
            level: mid
            ---

            # Another

            Text.

            ## Rubric

            ### a: A
            Concepts: alpha

            ### b: B
            Concepts: beta
            Follow-up: B?

            ### c: C
            Concepts: gamma
            Follow-up: C?

            ### d: D
            Concepts: delta
            Follow-up: D?
            """);

        var result = ContentLoader.Load(content.Root);

        Assert.Null(result.Content);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("content/prompts/p2.md:13: rubric item \"a\" needs a `Follow-up:` question to ask when an answer misses it", problem.ToString());
    }

    [Fact]
    public void Too_few_rubric_items_bad_level_and_unknown_topic_are_all_reported()
    {
        using var content = TempContent.Minimal().With("prompts/p3.md", """
            ---
            id: p3
            topic: nope
            level: expert
            ---

            # Short

            Text.

            ## Rubric

            ### a: A
            Concepts: alpha
            Follow-up: A?
            """);

        var problems = ContentLoader.Load(content.Root).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("content/prompts/p3.md:4: `level` must be mid, senior or staff, not \"expert\"", problems);
        Assert.Contains("content/prompts/p3.md:11: a rubric has 4 to 7 items; this one has 1", problems);
    }

    [Fact]
    public void Wide_diagram_missing_section_and_unknown_term_are_reported()
    {
        using var content = TempContent.Minimal().With("topics/02-u.md", $"""
            ---
            id: u
            title: U
            order: 2
            why: Second.
            ---

            ## Core details
            Facts.

            ## Understanding
            Why.

            ## Diagram
            ```text
            {new string('-', 61)}
            ```

            ## Vocabulary
            - missing-term
            """);

        var problems = ContentLoader.Load(content.Root).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("content/topics/02-u.md:16: diagram line is 61 columns; keep it within 60 to read on a phone", problems);
        Assert.Contains("content/topics/02-u.md:1: topic is missing its \"Senior understanding\" section", problems);
        Assert.Contains("content/topics/02-u.md:1: vocabulary term \"missing-term\" does not exist in vocabulary.md", problems);
    }

    [Fact]
    public void Duplicate_ids_point_at_the_first_use()
    {
        using var content = TempContent.Minimal().With("vocabulary.md", """
            ## term-a: Term A
            A definition.

            ## term-a: Again
            Another.
            """);

        var problem = Assert.Single(ContentLoader.Load(content.Root).Problems);

        Assert.Equal("content/vocabulary.md:4: term id \"term-a\" is already used at content/vocabulary.md:1", problem.ToString());
    }

    [Fact]
    public void Oversized_section_and_broken_front_matter_are_reported()
    {
        using var content = TempContent.Minimal()
            .With("pages/big.md", $"""
                ---
                id: big
                title: Big
                ---

                ## huge: Huge
                {new string('x', 4097)}
                """)
            .With("pages/yaml.md", """
                ---
                id: [unclosed
                ---

                ## s: S
                Body.
                """);

        var problems = ContentLoader.Load(content.Root).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("content/pages/big.md:6: \"Huge\" is 4097 characters; one Discord embed holds 4096", problems);
        Assert.Contains(problems, p => p.StartsWith("content/pages/yaml.md:", StringComparison.Ordinal) && p.Contains("not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Cue_moves_and_their_concepts_are_read()
    {
        using var content = TempContent.Minimal().With("cues/t.md", """
            ---
            topic: t
            ---

            ## charged-twice: "Charged twice"
            - Idempotency key — concepts: idempotency key, dedupe key
            - Store the result
            """);

        var study = ContentLoader.Load(content.Root).Content!;
        var card = study.Card("cue.charged-twice")!;

        Assert.Equal("Charged twice", card.Front);
        Assert.Equal("t", card.TopicId);
        var (text, concepts) = Parsing.CueParser.SplitMove(card.Back[0]);
        Assert.Equal("Idempotency key", text);
        Assert.Equal(["idempotency key", "dedupe key"], concepts);
    }
}
