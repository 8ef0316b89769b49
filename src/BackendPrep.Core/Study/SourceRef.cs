namespace BackendPrep.Core.Study;

/// <summary>Where a piece of content came from, so problems and authors can find it again.</summary>
public sealed record SourceRef(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
