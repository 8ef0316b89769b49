namespace BackendPrep.Core.Replies;

/// <summary>What a handler answers with: a message, a form to fill in, or autocomplete choices.</summary>
public abstract record Response
{
    public static implicit operator Response(Reply reply) => new MessageResponse(reply);
}

public sealed record MessageResponse(Reply Reply) : Response;

public sealed record FormResponse(Form Form) : Response;

public sealed record ChoicesResponse(IReadOnlyList<Choice> Choices) : Response;

public sealed record Choice(string Name, string Value);

/// <summary>A modal form. Answers come back on <see cref="Action"/> keyed by field id.</summary>
public sealed record Form(string Title, string Action, IReadOnlyList<FormField> Fields);

public enum FieldStyle
{
    Short,
    Paragraph,
}

public sealed record FormField(string Id, string Label, FieldStyle Style = FieldStyle.Short, bool Required = true, int MaxLength = 4000)
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public int MinLength { get; init; }
}
