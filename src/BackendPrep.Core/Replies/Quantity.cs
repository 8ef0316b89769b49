namespace BackendPrep.Core.Replies;

/// <summary>"1 card", "3 cards": replies count things, and "card(s)" reads like a form letter.</summary>
public static class Quantity
{
    public static string Of(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
