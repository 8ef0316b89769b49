namespace BackendPrep.Core.Study;

/// <summary>A time-boxed study session shape (A endpoint postmortem, B distributed diagram, C incident compression).</summary>
public sealed record StudyPattern(string Id, string Title, TimeSpan TimeBox, string Summary, IReadOnlyList<string> Steps, SourceRef Source);
