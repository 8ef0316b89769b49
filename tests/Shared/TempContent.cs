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

    /// <summary>Rewrites a file already in the corpus, e.g. to append a section.</summary>
    public TempContent With(string relativePath, Func<string, string> change) =>
        With(relativePath, change(File.ReadAllText(Path.Combine(Root, relativePath))));

    /// <summary>A prompt file whose items are titled "Item X" with the follow-up "What about X?" unless given.</summary>
    public TempContent WithPrompt(
        string id, string title, string level, string question, params (string Id, string Concepts)[] items) =>
        WithPrompt(id, title, level, question, items.Select(i => (i.Id, i.Concepts, (string?)null)).ToArray());

    public TempContent WithPrompt(
        string id, string title, string level, string question, (string Id, string Concepts, string? FollowUp)[] items)
    {
        var rubric = string.Join("\n", items.Select(i =>
        {
            var name = i.Id.Length == 1 ? i.Id.ToUpperInvariant() : i.Id;
            return $"### {i.Id}: Item {name}\nConcepts: {i.Concepts}\nFollow-up: {i.FollowUp ?? $"What about {name}?"}\n";
        }));
        return With($"prompts/{id}.md", $"---\nid: {id}\ntopic: t\nlevel: {level}\n---\n\n# {title}\n\n{question}\n\n## Rubric\n\n{rubric}");
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
        .WithPrompt("p", "A prompt", "senior", "Design a thing.",
            ("a", "alpha, first thing"), ("b", "beta"), ("c", "gamma"), ("d", "delta"))
        .With("prompts/p.md", s => s + """

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
