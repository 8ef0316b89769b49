using BackendPrep.Core.Text;

namespace BackendPrep.Core.Study;

/// <summary>
/// Finds topics from what a user typed: exact ids and aliases first, then prefixes, substrings and near-misses
/// ("idem", "jwt", "cachng"). Pure and in memory, so autocomplete answers in microseconds.
/// </summary>
public sealed class TopicFinder
{
    private readonly IReadOnlyList<Topic> _topics;

    // Names are normalised once: autocomplete runs on every keystroke.
    private readonly Dictionary<Topic, string[]> _names = new(ReferenceEqualityComparer.Instance);

    public TopicFinder(IReadOnlyList<Topic> topics)
    {
        _topics = topics;
        foreach (var topic in topics)
        {
            _names[topic] = [Normalise(topic.Id), Normalise(topic.Title), .. topic.Aliases.Select(Normalise)];
        }
    }

    public Topic? Exact(string text)
    {
        var query = Normalise(text);
        return _topics.FirstOrDefault(t => Names(t).Any(n => n == query));
    }

    /// <summary>
    /// The topic a user clearly meant: an exact name, or the only topic whose name starts with or contains what was
    /// typed ("idem"). Typos and ambiguous input return null, and the caller offers <see cref="Search"/> instead.
    /// </summary>
    public Topic? Resolve(string text)
    {
        if (Exact(text) is { } exact)
        {
            return exact;
        }

        var query = Normalise(text);
        var strong = _topics.Where(t => Names(t).Any(n => Score(query, n) >= 60)).ToList();
        return query.Length >= 2 && strong.Count == 1 ? strong[0] : null;
    }

    /// <summary>Best matches first; an empty query lists every topic in study-plan order.</summary>
    public IReadOnlyList<Topic> Search(string text, int limit = 25)
    {
        var query = Normalise(text);
        if (query.Length == 0)
        {
            return [.. _topics.OrderBy(t => t.Order).Take(limit)];
        }

        return [.. _topics
            .Select(t => (Topic: t, Score: Names(t).Max(n => Score(query, n))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Topic.Order)
            .Take(limit)
            .Select(x => x.Topic)];
    }

    private string[] Names(Topic topic) => _names[topic];

    private static int Score(string query, string name)
    {
        if (name == query)
        {
            return 100;
        }

        if (name.StartsWith(query, StringComparison.Ordinal))
        {
            return 80;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w.StartsWith(query, StringComparison.Ordinal)))
        {
            return 70;
        }

        if (name.Contains(query, StringComparison.Ordinal))
        {
            return 60;
        }

        // Typos: allow one edit per four characters typed, against each word of the name. Past 64 characters no word
        // is within reach (the length difference alone exceeds the allowance), and the distance costs O(n·m).
        if (query.Length > 64)
        {
            return 0;
        }

        var allowed = Math.Max(1, query.Length / 4);
        // Against the whole word (a dropped letter) and its prefix of the typed length (a word still being typed).
        var best = words.Min(w => Math.Min(EditDistance.Between(query, w), EditDistance.Between(query, w.Length > query.Length ? w[..query.Length] : w)));
        return query.Length >= 3 && best <= allowed ? 40 - best : 0;
    }

    private static string Normalise(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = char.IsLetterOrDigit(c) ? c : ' ';
            }
        }).Trim();
}
