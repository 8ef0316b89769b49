using System.Collections.Frozen;

namespace BackendPrep.Core.Grading;

/// <summary>
/// A general English lexicon of negative evaluation, for the verdict rule (<see cref="Negation"/>): what a predicate
/// says of its subject when it rejects it ("X is a rabbit hole", "X would create drift", "X doesn't work"). Written from
/// general usage, not from eval answers; it is only read at the head of a predicate whose subject holds the match.
/// </summary>
internal static partial class Lexicon
{
    /// <summary>Words that, heading a copula's complement, judge the subject negatively: "X is overkill", "X is a trap".</summary>
    public static readonly FrozenSet<string> VerdictWords = new[]
    {
        // Needless or excessive.
        "overkill", "pointless", "useless", "needless", "unnecessary", "unneeded", "superfluous", "redundant",
        "excessive", "gratuitous", "overdone", "overbuilt", "overengineered", "overengineering", "overcomplicated",
        "overblown", "overrated", "overhyped", "overcautious", "overzealous", "paranoid", "extravagant", "luxury",
        "indulgence", "premature", "moot", "irrelevant", "immaterial", "academic", "theoretical", "hypothetical",
        "cosmetic", "nonissue", "noise", "fluff", "bloat", "bloated", "cruft", "clutter", "baggage", "ceremony",
        "bureaucracy", "bureaucratic", "paperwork", "busywork", "theatre", "theater", "pageantry", "formality",
        "vanity",
        // Wasteful or costly.
        "wasteful", "waste", "bloated", "timesink", "detour", "sidetrack", "distraction", "diversion", "tangent",
        "stalling", "procrastination",
        // Hard, fragile or risky.
        // Failing or doomed.
        "antipattern", "folly", "fantasy", "myth", "fad", "gimmick", "gimmicky", "hype", "buzzword", "buzzwords",
        "bandaid", "bandage", "crutch", "stopgap", "placebo", "illusion", "unrealistic", "impractical", "unworkable",
        "infeasible", "unfeasible", "unachievable", "naive", "silly", "ridiculous", "absurd", "dumb", "crazy",
        "insane", "nonsense", "overthinking", "guesswork", "speculation", "bikeshedding", "bikeshed",
        "microoptimisation", "microoptimization", "nonstarter", "dealbreaker", "overreaction", "overreach",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Multi-word verdicts, keyed by their first word, as the tokenizer writes them: "a rabbit hole", "for the sake of",
    /// "more trouble than it's worth", "a band-aid".
    /// </summary>
    public static readonly FrozenDictionary<string, string[][]> VerdictPhrases = new[]
    {
        "rabbit hole", "red herring", "wild goose chase", "for the sake of", "for its own sake", "band aid",
        "sticking plaster", "a solution looking", "a solution in search", "waste of", "more trouble", "more hassle",
        "more work", "more complexity", "more overhead", "more moving", "moving parts", "time sink", "money pit",
        "black hole", "can of worms", "house of cards", "ticking time", "single point", "cargo cult", "snake oil",
        "box ticking", "tick box", "check box", "checkbox exercise", "busy work", "make work", "nice to have",
        "delay tactic", "delaying tactic", "stalling tactic", "dead end", "non starter", "non issue", "over engineering",
        "over engineered", "over complicated", "over the top", "micro optimisation", "micro optimization",
        "premature optimisation", "premature optimization", "gold plating", "scope creep", "yak shaving",
        "bad idea", "terrible idea", "bad practice", "anti pattern", "code smell", "false sense", "security theatre",
        "security theater", "not worth", "a step backwards", "a step back", "a regression", "too much", "too slow",
        "too risky", "too expensive", "too complex", "too heavy", "way too", "far too", "overkill for",
    }.ByFirstWord();

    /// <summary>Words a negated copula denies of its subject: "X isn't worth it", "X isn't a good use of time".</summary>
    public static readonly FrozenSet<string> MeritWords = new[]
    {
        "worth", "good", "great", "useful", "helpful", "valuable", "necessary", "needed", "required", "essential",
        "important", "relevant", "practical", "realistic", "feasible", "viable", "effective", "sensible", "wise",
        "reasonable", "justified", "warranted", "appropriate", "priority", "answer", "fix", "solution", "cure",
        "problem", "issue", "bottleneck", "cause", "culprit", "point",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of effect that a negation turns into a verdict on their subject: "X doesn't work", "X won't help".</summary>
    public static readonly FrozenSet<string> EffectStems = StemAll(
        "work", "help", "matter", "scale", "fix", "solve", "buy", "pay", "save", "apply", "hold", "survive",
        "generalise", "generalize", "succeed", "deliver", "improve");

    /// <summary>Verbs that bring a burden onto their subject's account: "X would create drift", "X adds latency".</summary>
    public static readonly FrozenSet<string> BurdenVerbs = new[]
    {
        "create", "creates", "cause", "causes", "add", "adds", "introduce", "introduces", "bring", "brings", "mean",
        "means", "cost", "costs", "require", "requires", "invite", "invites", "risk", "risks", "double", "doubles",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Burdens as the object of a <see cref="BurdenVerbs"/> verb: "X creates drift and more work".</summary>
    public static readonly FrozenSet<string> VerdictBurdens = new[]
    {
        "drift", "work", "toil", "complexity", "overhead", "coupling", "confusion", "churn", "noise", "bloat", "debt",
        "friction", "headaches", "headache", "hassle", "bugs", "fragility", "maintenance", "upkeep", "burden",
        "pain", "mess", "chaos", "inconsistency", "inconsistencies", "divergence", "duplication", "boilerplate",
        "ceremony", "bureaucracy", "paperwork", "delays", "delay", "lag", "outages", "incidents", "regressions",
        "surprises", "footguns", "risk", "risks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs that, after a dismissive "would just / only / merely", judge the subject by a bad result: "X would just move
    /// the problem", "X would only delay the inevitable", "X would just make deploys slower".
    /// </summary>
    public static readonly FrozenSet<string> DismissiveVerbs = StemAll(
        "mean", "move", "shift", "push", "hide", "mask", "delay", "defer", "postpone", "paper", "kick", "load", "slow",
        "waste", "burn", "duplicate", "complicate", "confuse", "annoy", "frustrate", "hurt", "break", "bloat", "add",
        "create", "cause", "trade", "swap", "relocate", "leak");

    /// <summary>Words that say a thing is settled already, after "already": "rollback is already easy".</summary>
    public static readonly FrozenSet<string> SettledWords = new[]
    {
        "easy", "simple", "fine", "enough", "sufficient", "good", "handled", "solved", "covered", "done", "fast",
        "quick", "cheap", "trivial", "possible", "there", "available",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adverbs between a subject and its verb or inside a complement: "X is also …", "X already exist".</summary>
    public static readonly FrozenSet<string> VerdictAdverbs = new[]
    {
        "also", "really", "actually", "probably", "basically", "mostly", "usually", "often", "always", "definitely",
        "honestly", "frankly", "already", "largely", "mainly", "essentially", "typically", "likely", "certainly",
        "clearly", "obviously", "generally", "then", "too", "still",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Bad results a "make" or burden verb brings: "would make deploys slower", "makes it worse".</summary>
    public static readonly FrozenSet<string> VerdictComparatives = new[]
    {
        "slower", "worse", "harder", "riskier", "messier", "costlier", "noisier", "uglier", "heavier", "longer",
        "bigger", "fragile", "brittle", "confusing", "unreadable", "impossible", "painful", "miserable",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words of harm or cost: they judge a proposal ("raising the limit would be risky", "passing it everywhere is ugly")
    /// but also describe a problem ("module state is dangerous", "the N+1 query is slow"), so they count only of a
    /// subject shaped as a proposal, an action (a gerund) or a hypothetical ("would be").
    /// </summary>
    public static readonly FrozenSet<string> HarmVerdictWords = new[]
    {
        "slow", "slower", "sluggish", "heavy", "heavier", "heavyweight", "costly", "expensive", "pricey",
        "overpriced", "complex", "complicated", "convoluted", "tangled", "messy", "ugly", "hacky", "kludgy", "kludge",
        "hack", "clunky", "cumbersome", "unwieldy", "awkward", "fiddly", "finicky", "tedious", "painful", "pain",
        "annoying", "brittle", "fragile", "flaky", "unreliable", "unstable", "fallible", "risky", "dangerous",
        "unsafe", "hazardous", "reckless", "harmful", "counterproductive", "disruptive", "intrusive", "invasive",
        "confusing", "misleading", "opaque", "harder", "worse", "riskier", "messier", "costlier", "noisier", "uglier",
        "nightmare", "headache", "headaches", "hassle", "mess", "minefield", "quagmire", "swamp", "trap", "footgun",
        "pitfall", "liability", "mistake", "blunder", "regression", "unacceptable", "intolerable", "unusable",
        "untenable", "overhead", "tax", "drag", "drain", "burden", "toil", "chore", "slog", "grind",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that displace rather than solve, when dismissed: "X would just move the problem".</summary>
    public static readonly FrozenSet<string> DisplacementStems = StemAll("move", "shift", "push", "relocate", "trade", "swap", "kick");

    /// <summary>What a displacing verb moves: "the problem", "the bottleneck", "the pain".</summary>
    public static readonly FrozenSet<string> ProblemNouns = new[]
    {
        "problem", "problems", "bottleneck", "issue", "issues", "pain", "complexity", "risk", "load", "burden",
        "failure", "failures", "mess", "can",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Changes that, forced on everyone, are a burden: "all partners have to change their integration".</summary>
    public static readonly FrozenSet<string> ForcedChangeStems = StemAll("change", "rewrite", "update", "migrate", "redeploy", "upgrade");
}
