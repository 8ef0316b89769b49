namespace BackendPrep.Core.Study;

/// <summary>A vocabulary term with a short definition.</summary>
public sealed record Term(string Id, string Name, string Definition, IReadOnlyList<string> Related, string? TopicId, SourceRef Source);
