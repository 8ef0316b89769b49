namespace BackendPrep.Core.Study;

/// <summary>The four study sections every topic has, in reading order, plus the extras a topic page carries.</summary>
public enum SectionKind
{
    CoreDetails,
    Understanding,
    SeniorUnderstanding,
    Diagram,
    Pitfalls,
    InterviewLines,
}

public sealed record TopicSection(SectionKind Kind, string Title, string Markdown, SourceRef Source);

/// <summary>A study topic. <see cref="Order"/> is its place in the study plan; <see cref="Why"/> says why it comes there.</summary>
public sealed record Topic(
    string Id,
    string Title,
    int Order,
    IReadOnlyList<string> Aliases,
    string Why,
    IReadOnlyList<TopicSection> Sections,
    IReadOnlyList<string> TermIds,
    SourceRef Source)
{
    public TopicSection? Section(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    public static IReadOnlyList<SectionKind> StudySections { get; } =
        [SectionKind.CoreDetails, SectionKind.Understanding, SectionKind.SeniorUnderstanding, SectionKind.Diagram];
}
