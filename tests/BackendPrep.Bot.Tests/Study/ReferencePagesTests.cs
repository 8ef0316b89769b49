namespace BackendPrep.Bot.Tests.Study;

public sealed class ReferencePagesTests
{
    private static TempContent Content() => TempContent.Minimal()
        .With("pages/basics.md", $"""
            ---
            id: basics
            title: Core basics
            ---

            ## request-lifecycle: 1. Request lifecycle
            {new string('a', 2000)}

            ## concurrency: 2. Concurrency models
            {new string('b', 2000)}

            ## caching: 8. Caching strata
            Layers.
            """)
        .With("vocabulary.md", """
            ## term-a: Term A
            A definition.
            Related: at-least-once
            Topic: t

            ## at-least-once: At-least-once delivery
            Duplicates are possible, nothing is lost.
            Related: term-a
            """);

    [Fact]
    public async Task Long_pages_are_split_at_section_boundaries_with_previous_and_next()
    {
        using var content = Content();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /basics
            2
            /basics section:caching
            """);

        Assert.Contains("**1. Request lifecycle**", output, StringComparison.Ordinal);
        Assert.Contains("(Page 1 of 2)", output, StringComparison.Ordinal);
        Assert.Contains("(message updated)", output, StringComparison.Ordinal);
        Assert.Contains("(Page 2 of 2)", output, StringComparison.Ordinal);
        var lastPage = output[output.LastIndexOf("== Core basics ==", StringComparison.Ordinal)..];
        Assert.Contains("**8. Caching strata**", lastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("**1. Request lifecycle**", lastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vocab_shows_a_definition_with_related_terms_as_buttons_and_suggests_on_a_miss()
    {
        using var content = Content();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /vocab term:at-least-once
            1
            /vocab term:least
            """);

        Assert.Contains("== At-least-once delivery ==", output, StringComparison.Ordinal);
        Assert.Contains("[1] Term A", output, StringComparison.Ordinal);
        Assert.Contains("== Term A ==", output, StringComparison.Ordinal);
        Assert.Contains("I have no term \"least\". Did you mean: `at-least-once`?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_lists_the_answer_template_parts()
    {
        using var content = Content();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, "/template public:true");

        Assert.Contains("(posted publicly)", output, StringComparison.Ordinal);
        Assert.Contains("**Invariant**", output, StringComparison.Ordinal);
    }
}
