using BackendPrep.Bot.Interactions;

namespace BackendPrep.Bot.Transports.Console;

/// <summary>
/// Parses what a console user types as a slash command: <c>/topic name:caching public:true</c>.
/// An option's value runs until the next <c>known-option:</c>, so values may contain spaces.
/// </summary>
internal static class ConsoleCommandLine
{
    public static (string Command, Dictionary<string, string> Options)? Parse(string line, RouteTable routes)
    {
        var words = line.TrimStart('/').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        // Prefer the subcommand form ("study stop") when one is registered.
        var command = words.Length > 1 && routes.FindCommand($"{words[0]} {words[1]}") is not null ? $"{words[0]} {words[1]}" : words[0];
        var spec = routes.FindCommand(command);
        var rest = words.Skip(command.Split(' ').Length).ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var word in rest)
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? word[..colon] : null;
            if (name is not null && (spec is null || spec.Options.Any(o => o.Name == name)))
            {
                current = name;
                options[name] = word[(colon + 1)..];
            }
            else if (current is not null)
            {
                options[current] = (options[current] + " " + word).Trim();
            }
            else if (spec is { Options.Count: > 0 } && spec.Options[0] is { } first)
            {
                // "/topic caching" is forgiving shorthand for the first option.
                current = first.Name;
                options[current] = word;
            }
        }

        return (command, options);
    }
}
