using System.Diagnostics.CodeAnalysis;

namespace BackendPrep.Bot.Interactions;

/// <summary>
/// The route carried by a button, select or form: <c>feature.action:v1:owner:arg…</c>. It holds ids only (state lives in
/// storage) and the owner's user id, so a press by anyone else is refused. <c>*</c> as owner means anyone may press.
/// The version lets buttons from an older release fail politely instead of doing the wrong thing.
/// </summary>
public sealed record CustomId(string Route, string Owner, IReadOnlyList<string> Args)
{
    public const string Version = "v1";
    public const string Anyone = "*";
    public const int MaxLength = 100;

    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    public bool IsOwnedBy(string userId) => Owner == Anyone || Owner == userId;

    public string Format()
    {
        var text = string.Join(':', [Route, Version, Owner, .. Args]);
        return text.Length <= MaxLength
            ? text
            : throw new InvalidOperationException($"custom id for {Route} is {text.Length} characters; Discord allows {MaxLength}");
    }

    public override string ToString() => Format();

    public static string For(string route, string owner, params string[] args)
    {
        foreach (var arg in args)
        {
            if (arg.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException($"custom id argument \"{arg}\" must not contain ':'", nameof(args));
            }
        }

        return new CustomId(route, owner, args).Format();
    }

    /// <summary>Parses a custom id; <paramref name="outdated"/> is set when the shape is ours but from another version.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CustomId? id, out bool outdated)
    {
        id = null;
        outdated = false;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length < 3 || parts[0].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        if (parts[1] != Version)
        {
            outdated = true;
            return false;
        }

        id = new CustomId(parts[0], parts[2], parts[3..]);
        return true;
    }
}
