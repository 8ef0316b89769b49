namespace BackendPrep.Core.Study;

/// <summary>
/// A named part of a template an answer should show (the six-step answer template, the incident compression
/// template). <see cref="Concepts"/> are the phrasings that show the part is present.
/// </summary>
public sealed record ChecklistPart(string Id, string Title, string Description, IReadOnlyList<string> Concepts, SourceRef Source);

public sealed record Checklist(string Id, string Title, IReadOnlyList<ChecklistPart> Parts, SourceRef Source);
