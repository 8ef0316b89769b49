namespace BackendPrep.Core.Study;

/// <summary>A reference page (core basics, pitfalls, scripts…): an ordered list of titled sections.</summary>
public sealed record Page(string Id, string Title, IReadOnlyList<PageSection> Sections, SourceRef Source)
{
    public PageSection? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);
}

public sealed record PageSection(string Id, string Title, string Markdown, SourceRef Source);
