using BackendPrep.Content.Markdown;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Content;

/// <summary>Rules that span files: unique ids, references that resolve, the pages and templates commands rely on.</summary>
internal static class ContentValidator
{
    public static void Validate(
        ProblemSink problems,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<InterviewPrompt> prompts,
        IReadOnlyList<Flashcard> cards,
        IReadOnlyList<Term> terms,
        IReadOnlyList<Page> pages,
        IReadOnlyList<Checklist> checklists,
        IReadOnlyList<StudyPattern> patterns)
    {
        Unique(problems, "topic", topics, t => t.Id, t => t.Source);
        Unique(problems, "topic order", topics, t => t.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), t => t.Source);
        Unique(problems, "prompt", prompts, p => p.Id, p => p.Source);
        // Vocabulary cards mirror terms, which are checked below; checking them twice would double-report.
        Unique(problems, "card", cards.Where(c => c.Deck != Deck.Vocabulary), c => c.Id, c => c.Source);
        Unique(problems, "term", terms, t => t.Id, t => t.Source);
        Unique(problems, "page", pages, p => p.Id, p => p.Source);
        Unique(problems, "template", checklists, c => c.Id, c => c.Source);
        Unique(problems, "study pattern", patterns, p => p.Id, p => p.Source);

        var topicIds = topics.Select(t => t.Id).ToHashSet();
        var termIds = terms.Select(t => t.Id).ToHashSet();
        void TopicExists(string? id, SourceRef at)
        {
            if (id is not null && !topicIds.Contains(id))
            {
                problems.Add(at.File, at.Line, $"topic \"{id}\" does not exist (topics: {string.Join(", ", topicIds.Order(StringComparer.Ordinal))})");
            }
        }

        foreach (var prompt in prompts)
        {
            TopicExists(prompt.TopicId, prompt.Source);
        }

        foreach (var card in cards)
        {
            TopicExists(card.TopicId, card.Source);
        }

        foreach (var term in terms)
        {
            TopicExists(term.TopicId, term.Source);
            foreach (var related in term.Related.Where(r => !termIds.Contains(r)))
            {
                problems.Add(term.Source.File, term.Source.Line, $"related term \"{related}\" does not exist in vocabulary.md");
            }
        }

        foreach (var topic in topics)
        {
            foreach (var id in topic.TermIds.Where(id => !termIds.Contains(id)))
            {
                problems.Add(topic.Source.File, topic.Source.Line, $"vocabulary term \"{id}\" does not exist in vocabulary.md");
            }
        }

        Required(problems, pages.Select(p => p.Id), StudyContent.Ids.Basics, "pages/basics.md");
        Required(problems, checklists.Select(c => c.Id), StudyContent.Ids.AnswerTemplate, "templates/answer-template.md");
        Required(problems, checklists.Select(c => c.Id), StudyContent.Ids.IncidentTemplate, "templates/incident-template.md");
    }

    private static void Required(ProblemSink problems, IEnumerable<string> ids, string id, string where)
    {
        if (!ids.Contains(id))
        {
            problems.Add("content/" + where, 0, $"missing: the commands need `{id}` here");
        }
    }

    private static void Unique<T>(ProblemSink problems, string kind, IEnumerable<T> items, Func<T, string> key, Func<T, SourceRef> source)
    {
        foreach (var group in items.GroupBy(key).Where(g => g.Count() > 1))
        {
            var first = source(group.First());
            foreach (var duplicate in group.Skip(1))
            {
                var at = source(duplicate);
                problems.Add(at.File, at.Line, $"{kind} id \"{group.Key}\" is already used at {first}");
            }
        }
    }
}
