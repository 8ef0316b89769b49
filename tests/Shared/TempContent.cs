namespace BackendPrep.Testing;

/// <summary>A throwaway content folder for one test.</summary>
internal sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "bp-content-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempContent With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>The smallest corpus that loads without problems, for tests that break one thing at a time.</summary>
    public static TempContent Minimal() => new TempContent()
        .With("topics/01-t.md", """
            ---
            id: t
            title: Topic T
            order: 1
            aliases: [tee]
            why: It comes first.
            ---

            ## Core details
            Facts.

            ## Understanding
            Why.

            ## Senior understanding
            More.

            ## Diagram
            ```text
            a --> b
            ```

            ## Vocabulary
            - term-a
            """)
        .With("vocabulary.md", """
            ## term-a: Term A
            A definition.
            Topic: t
            """)
        .With("pages/basics.md", """
            ---
            id: basics
            title: Core basics
            ---

            ## one: 1. One
            Body.
            """)
        .With("templates/answer-template.md", """
            ---
            id: answer-template
            title: Answer template
            ---

            ## invariant: Invariant
            Say what must never happen.
            Concepts: invariant, must never
            """)
        .With("templates/incident-template.md", """
            ---
            id: incident-template
            title: Incident
            ---

            ## impact: Impact
            Who was hurt, for how long.
            Concepts: impact, duration
            """)
        .With("prompts/p.md", """
            ---
            id: p
            topic: t
            level: senior
            ---

            # A prompt

            Design a thing.

            ## Rubric

            ### a: Item A
            Concepts: alpha, first thing
            Follow-up: What about A?

            ### b: Item B
            Concepts: beta
            Follow-up: What about B?

            ### c: Item C
            Concepts: gamma
            Follow-up: What about C?

            ### d: Item D
            Concepts: delta
            Follow-up: What about D?

            ## Staff follow-ups
            - And at scale?
            """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
