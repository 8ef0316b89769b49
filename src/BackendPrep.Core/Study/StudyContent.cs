using System.Collections.Frozen;
using BackendPrep.Core.Prompts;

namespace BackendPrep.Core.Study;

/// <summary>Everything loaded from <c>content/</c>: immutable, shared by every request.</summary>
public sealed class StudyContent
{
    public StudyContent(
        IReadOnlyList<Topic> topics,
        IReadOnlyList<InterviewPrompt> prompts,
        IReadOnlyList<Flashcard> cards,
        IReadOnlyList<Term> terms,
        IReadOnlyList<Page> pages,
        IReadOnlyList<Checklist> checklists,
        IReadOnlyList<StudyPattern> patterns)
    {
        Topics = [.. topics.OrderBy(t => t.Order)];
        Prompts = prompts;
        Cards = cards;
        Terms = terms;
        Pages = pages;
        Checklists = checklists;
        Patterns = patterns;
        _topics = Topics.ToFrozenDictionary(t => t.Id);
        _prompts = prompts.ToFrozenDictionary(p => p.Id);
        _cards = cards.ToFrozenDictionary(c => c.Id);
        _terms = terms.ToFrozenDictionary(t => t.Id);
        _pages = pages.ToFrozenDictionary(p => p.Id);
        _checklists = checklists.ToFrozenDictionary(c => c.Id);
        _patterns = patterns.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        TopicFinder = new TopicFinder(Topics);
    }

    private readonly FrozenDictionary<string, Topic> _topics;
    private readonly FrozenDictionary<string, InterviewPrompt> _prompts;
    private readonly FrozenDictionary<string, Flashcard> _cards;
    private readonly FrozenDictionary<string, Term> _terms;
    private readonly FrozenDictionary<string, Page> _pages;
    private readonly FrozenDictionary<string, Checklist> _checklists;
    private readonly FrozenDictionary<string, StudyPattern> _patterns;

    /// <summary>Built once per content load: building it normalises every topic name and alias.</summary>
    public TopicFinder TopicFinder { get; }

    /// <summary>Topics in study-plan order.</summary>
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<InterviewPrompt> Prompts { get; }
    public IReadOnlyList<Flashcard> Cards { get; }
    public IReadOnlyList<Term> Terms { get; }
    public IReadOnlyList<Page> Pages { get; }
    public IReadOnlyList<Checklist> Checklists { get; }
    public IReadOnlyList<StudyPattern> Patterns { get; }

    public Topic? Topic(string id) => _topics.GetValueOrDefault(id);
    public InterviewPrompt? Prompt(string id) => _prompts.GetValueOrDefault(id);
    public Flashcard? Card(string id) => _cards.GetValueOrDefault(id);
    public Term? Term(string id) => _terms.GetValueOrDefault(id);
    public Page? Page(string id) => _pages.GetValueOrDefault(id);
    public Checklist? Checklist(string id) => _checklists.GetValueOrDefault(id);
    public StudyPattern? Pattern(string id) => _patterns.GetValueOrDefault(id);

    public IEnumerable<Flashcard> Deck(Deck deck) => Cards.Where(c => c.Deck == deck);

    /// <summary>Well-known ids of pages and checklists the commands serve.</summary>
    public static class Ids
    {
        public const string Basics = "basics";
        public const string Pitfalls = "pitfalls";
        public const string Hooks = "hooks";
        public const string Scripts = "scripts";
        public const string FollowUps = "follow-ups";
        public const string AnswerTemplate = "answer-template";
        public const string IncidentTemplate = "incident-template";
    }
}
