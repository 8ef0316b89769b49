using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace BackendPrep.Core.Grading;

/// <summary>The small word lists the grader needs, and the one place a word becomes a comparable stem.</summary>
internal static partial class Lexicon
{
    // Declared first: the stem sets below are built through it during type initialisation.
    private const int StemCacheLimit = 50_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    // British spellings that stemming alone does not merge with the American form.
    private static readonly FrozenDictionary<string, string> SpellingVariants = Pairs(
        "behaviour behavior behaviours behaviors behavioural behavioral colour color favour favor honour "
        + "honor labour labor neighbour neighbor neighbours neighbors flavour flavor rumour rumor armour "
        + "armor humour humor endeavour endeavor harbour harbor vigour vigor centre center centres centers "
        + "metre meter litre liter fibre fiber defence defense licence license offence offense catalogue "
        + "catalog dialogue dialog programme program grey gray queueing queuing judgement judgment "
        + "acknowledgement acknowledgment acknowledgements acknowledgments cancelled canceled cancelling "
        + "canceling labelled labeled labelling labeling modelled modeled modelling modeling travelled "
        + "traveled travelling traveling signalled signaled signalling signaling levelled leveled fuelled "
        + "fueled tunnelled tunneled channelled channeled marshalled marshaled marshalling marshaling "
        + "totalled totaled ");

    // Irregular past forms, so "the last one the user saw" meets "last seen id" and "wrote" meets "write". Forms that
    // are also common nouns or adjectives in backend talk (left, bound, lead, spent) are left alone.
    private static readonly FrozenDictionary<string, string> IrregularForms = Pairs(
        "saw see seen see wrote write written write rewrote rewrite rewritten rewrite overwrote overwrite "
        + "overwritten overwrite sent send kept keep held hold took take taken take ran run went go gone go "
        + "told tell caught catch threw throw thrown throw lost lose built build rebuilt rebuild chose choose "
        + "chosen choose paid pay made make brought bring bought buy found find broke break broken break gave give "
        + "given give got get gotten get began begin begun begin came come hid hide hidden hide fell fall fallen fall "
        + "grew grow grown grow knew know known know shown show stuck stick meant mean felt feel drove drive "
        + "driven drive froze freeze frozen freeze woke wake woken wake forgot forget forgotten forget stole steal "
        + "stolen steal sold sell thought think taught teach understood understand undid undo undone undo "
        + "rose rise risen rise dealt deal slept sleep ate eat eaten eat drew draw drawn draw flew fly flown fly "
        + "swore swear sworn swear tore tear torn tear withdrew withdraw withdrawn withdraw");

    // Words backend engineers use interchangeably, folded to one stem on both sides (so concepts gain them too).
    private static readonly FrozenDictionary<string, string> DomainSynonyms = Pairs(
        "shard partit synchron sync asynchron async");

    // Everyday words for the same thing, folded to the group's first stem on both sides: a candidate who "checks the
    // signature" verifies it, one who "refuses" a write rejects it, a "statement" sent to the database is a query.
    // Written as general English, not from eval answers. Joined forms ("rollback") stay out: folding them breaks the
    // "roll back" pairing. A word shared by two items stops being either item's own (see ConceptMatcher), so a group
    // costs partial matches where a rubric uses both words for different items; keep groups to true synonyms.
    private static readonly FrozenDictionary<string, string> PlainSynonyms = Groups(
        "await wait; verify check validate; store save persist; reject refuse deny decline; remove delete; cap limit; "
        + "stop halt abort; stale outdated; crash die; query statement; server host machine instance; user customer; "
        + "fast quick; error failure fail; restart reboot; duplicate repeat; start begin; finish complete; "
        + "large big huge; small tiny; choose pick; show display; permission privilege; allowlist whitelist; "
        + "denylist blacklist; regularly periodically");

    /// <summary>
    /// Function words: dropped from concepts, and a sign that a sentence has grammar rather than being a keyword list.
    /// Deliberately excludes direction words (out, up, back, over, after) that carry meaning in backend terms.
    /// </summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "it's",
        "this", "that", "these", "those", "we", "i", "you", "they", "he", "she", "our", "your", "their", "my", "me",
        "us", "them", "do", "does", "did", "would", "will", "can", "could", "should", "shall", "may", "might", "must",
        "have", "has", "had", "so", "such", "there", "here", "what", "which", "who", "whom", "when", "where", "how",
        "why", "also", "just", "very", "than", "too", "all", "any", "some", "each", "own", "both", "via", "per",
        "we'd", "we'll", "we're", "i'd", "i'll", "i'm", "i've", "we've", "they're", "that's", "there's", "let's",
        "because", "since", "while", "about", "until", "unless", "whether", "every", "make",
        "etc", "e.g", "i.e", "like", "really", "actually",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Negators and how many tokens back they reach; "skip" reaches less far than "not".</summary>
    public static readonly FrozenDictionary<string, int> Negators = new[]
    {
        "not", "no", "never", "without", "nor", "neither", "none", "cannot", "nothing", "nobody", "noone", "dont", "doesnt", "didnt",
        "wouldnt", "wont", "cant", "isnt", "arent", "wasnt", "shouldnt", "couldnt", "havent", "hasnt",
    }.Select(w => (Word: w, Reach: 4))
        // Doubt rejects what follows as a negator does: "I'm sceptical of full tracing", "wary of a BFF".
        .Concat(new[] { "sceptical", "skeptical", "unconvinced", "doubtful", "wary" }.Select(w => (Word: w, Reach: 4)))
        .Concat(new[] { "skip", "skipping", "skipped", "skips" }.Select(w => (Word: w, Reach: 2)))
        // Dislike rejects its object: "users hate expired links", "ops loathe manual failovers".
        .Concat(new[] { "hate", "hates", "dislike", "dislikes", "loathe", "loathes", "detest", "detests", "resent", "resents" }
            .Select(w => (Word: w, Reach: 3)))
        // "non-urgent producers": the prefix negates its own word only.
        .Concat(new[] { "non" }.Select(w => (Word: w, Reach: 1)))
        .ToFrozenDictionary(n => n.Word, n => n.Reach, StringComparer.Ordinal);

    /// <summary>
    /// Words that, before a negator in the same clause, make it an invariant or a hypothetical rather than a refusal:
    /// "ensure no double charge", "if we don't dedupe we charge twice".
    /// </summary>
    public static readonly FrozenSet<string> Guards = new[]
    {
        "ensure", "ensures", "ensuring", "guarantee", "guarantees", "sure", "must", "prevent", "prevents", "avoid",
        "avoids", "if", "unless", "otherwise", "invariant",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Stems that after a concept and a negator dismiss it ("a DLQ isn't needed", "HttpOnly doesn't buy much"), and
    /// that stretch a negator's reach before it ("I don't want to deal with X").
    /// </summary>
    public static readonly FrozenSet<string> DismissalStems = StemAll(
        "need", "necessary", "required", "worth", "use", "help", "matter", "bother", "important", "want", "buy", "gain",
        "afford");

    /// <summary>
    /// Verbs of benefit that, negated after a concept, reject it as a remedy: "lockfiles wouldn't have saved you",
    /// "retries don't fix the race".
    /// </summary>
    public static readonly FrozenSet<string> BenefitStems = StemAll("save", "fix", "solve", "rescue");

    /// <summary>Words that open a main clause's subject, ending what "instead of X" rejects: "instead of 2PC we use a saga".</summary>
    public static readonly FrozenSet<string> SubjectStarts = new[]
    {
        "we", "i", "you", "they", "i'd", "we'd", "we'll", "i'll", "you'd", "you'll", "let's", "it's", "there's", "he",
        "she", "people", "everyone", "everything", "each", "every", "have", "use", "make", "let", "just", "so", "then",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that remove a thing: refusing them keeps it ("I wouldn't drop them").</summary>
    public static readonly FrozenSet<string> RemovalStems = StemAll(
        "remove", "drop", "disable", "delete", "cut", "kill", "lose", "rip", "ditch", "replace", "turn", "remov", "abandon");

    /// <summary>
    /// Comparatives of preference: "simpler than X", "better than X" reject X as "rather than X" does. Comparatives of
    /// measure ("higher than the ALB's timeout") do not judge, so they are not here.
    /// </summary>
    public static readonly FrozenSet<string> PreferenceComparatives = new[]
    {
        "simpler", "easier", "cheaper", "better", "safer", "saner", "nicer", "preferable", "quicker", "cleaner",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Third parties whose proposals a speaker reports: "people recommend X", "some teams add X".</summary>
    public static readonly FrozenSet<string> ThirdParties = new[]
    {
        "people", "teams", "folks", "everyone", "everybody", "others", "some", "many", "most", "vendors", "blogs",
        "articles", "consultants",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of advice after a third party: "people recommend X", "everyone says", "some teams add X".</summary>
    public static readonly FrozenSet<string> AdviceVerbs = new[]
    {
        "recommend", "recommends", "suggest", "suggests", "say", "says", "swear", "push", "pushes", "advocate",
        "advocates", "preach", "preaches", "love", "loves", "add", "reach",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a bare refusal may hold besides function words: "but we honestly won't bother", "but not yet".</summary>
    public static readonly FrozenSet<string> RefusalFillers = new[]
    {
        "bother", "honestly", "really", "frankly", "probably", "yet", "now", "here", "today", "anymore", "ever",
        "actually", "go", "going", "get", "got", "around", "there", "v1", "wouldn't", "won't", "ours", "mine", "theirs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of upkeep after "one more X to …": a thing to run, maintain or babysit is a burden.</summary>
    public static readonly FrozenSet<string> UpkeepStems = StemAll(
        "run", "maintain", "babysit", "operate", "manage", "monitor", "patch", "watch", "debug", "secure", "deploy",
        "own", "learn", "configure", "upgrade", "support", "keep", "pay", "worry", "break", "fail");

    /// <summary>Verbs after "one more X that can …" that name what goes wrong: "hold a stale price", "fail", "drift".</summary>
    public static readonly FrozenSet<string> GoingWrongStems = StemAll(
        "fail", "break", "go", "drift", "hold", "leak", "lag", "lose", "corrupt", "diverge", "serve", "cache", "get");

    /// <summary>
    /// Change verbs that, made everywhere ("rewriting logging across every service", "changing every producer"), judge
    /// the thing that needs them as a burden.
    /// </summary>
    public static readonly FrozenSet<string> ChangeGerunds = new[]
    {
        "rewriting", "changing", "touching", "updating", "migrating", "modifying", "redeploying", "reworking",
        "retrofitting", "refactoring",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words of stance that, negated, reject the rest of their clause: "I don't agree with the advice to X", "not a fan
    /// of X", "not sold on X". Written as general English; "support" is left out, as software "doesn't support" things.
    /// </summary>
    public static readonly FrozenSet<string> StanceWords = new[]
    {
        "agree", "fan", "keen", "sold", "convinced", "recommend", "advocate", "endorse", "favour", "favor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs after "I wouldn't" / "we won't" that state an outcome or perception rather than refuse an action: "we
    /// wouldn't see a 502 in the logs", "I won't know until…".
    /// </summary>
    public static readonly FrozenSet<string> OutcomeStems = StemAll(
        "see", "know", "notice", "get", "have", "be", "expect", "lose", "find", "hear", "happen", "show", "catch",
        "need", "even", "necessarily", "normally", "usually");

    /// <summary>
    /// Shorthand typed in answers, read as the words it stands for (concepts go through the same tokenizer, so
    /// either spelling in content matches either in answers).
    /// </summary>
    public static readonly FrozenDictionary<string, string[]> Abbreviations = new Dictionary<string, string[]>
    {
        ["txn"] = ["transaction"],
        ["txns"] = ["transactions"],
        ["tx"] = ["transaction"],
        ["e2e"] = ["end", "to", "end"],
        ["msg"] = ["message"],
        ["msgs"] = ["messages"],
        ["evt"] = ["event"],
        ["evts"] = ["events"],
        ["idx"] = ["index"],
        ["req"] = ["request"],
        ["reqs"] = ["requests"],
        ["resp"] = ["response"],
        ["conn"] = ["connection"],
        ["conns"] = ["connections"],
        ["perf"] = ["performance"],
        ["w"] = ["with"],
        ["b4"] = ["before"],
        ["ack'd"] = ["acknowledged"],
        ["acct"] = ["account"],
        ["accts"] = ["accounts"],
        ["pwd"] = ["password"],
        ["pwds"] = ["passwords"],
        ["db"] = ["database"],
        ["dbs"] = ["databases"],
        ["prod"] = ["production"],
        ["svc"] = ["service"],
        ["svcs"] = ["services"],
        ["repo"] = ["repository"],
        ["repos"] = ["repositories"],
        ["k8s"] = ["kubernetes"],
        ["env"] = ["environment"],
        ["envs"] = ["environments"],
        ["cfg"] = ["configuration"],
        ["config"] = ["configuration"],
        ["configs"] = ["configurations"],
        ["obj"] = ["object"],
        ["objs"] = ["objects"],
        ["dep"] = ["dependency"],
        ["deps"] = ["dependencies"],
        ["impl"] = ["implementation"],
        ["authn"] = ["authentication"],
        ["authz"] = ["authorization"],
        ["hr"] = ["hour"],
        ["hrs"] = ["hours"],
        ["mins"] = ["minutes"],
        ["secs"] = ["seconds"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Evaluative words that reject what they describe, without a negator: "request coalescing is overkill", "heap
    /// snapshots in production are risky", "review gates feel like bureaucracy". Written as general English.
    /// </summary>
    public static readonly FrozenSet<string> DismissalWords = new[]
    {
        "unnecessary", "overkill", "pointless", "needless", "useless", "irrelevant", "unneeded", "superfluous",
        "overblown", "overrated", "overhyped", "overengineering", "overengineered", "overcomplicated", "nonissue",
        "moot", "bureaucracy", "bureaucratic", "busywork", "headache", "headaches", "hassle", "nightmare", "risky",
        "wasteful", "premature", "distraction", "theatre", "theater", "gimmick", "gimmicky", "buzzword", "buzzwords", "hype",
        "overthinking", "overthought", "wasted", "guesswork",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Dismissals of several words, as the tokenizer writes them ("over-engineering" is two tokens), keyed by their first
    /// word: "is a non-issue", "for no reason", "for little gain", "more trouble than it's worth", "a rabbit hole".
    /// </summary>
    public static readonly FrozenDictionary<string, string[][]> DismissalPhrases = new[]
    {
        "over engineering", "over engineered", "over engineer", "over complicated", "over complicating", "over the top",
        "non issue", "non starter", "no reason", "no real reason", "no good reason", "little gain", "little benefit",
        "little value", "little point", "no benefit", "no gain", "no value", "no real benefit", "than it's worth",
        "than its worth", "than it is worth", "rabbit hole", "waste of", "red herring", "for nothing", "more trouble",
        "more hassle", "not worth", "isn't worth", "not needed", "gold plating", "a solution looking", "a solution in search",
        "snake oil", "cargo cult", "box ticking", "tick box", "guessing game", "no thanks", "hard pass",
    }.ByFirstWord();

    /// <summary>Phrases split into words and filed under their first word, for <c>Negation.PhraseStartsAt</c>.</summary>
    private static FrozenDictionary<string, string[][]> ByFirstWord(this string[] phrases) =>
        phrases.Select(p => p.Split(' ')).GroupBy(p => p[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The reach of a plain negator ("not X", "no X"); dismissive and doubting forms reach further.</summary>
    public const int PlainReach = 4;

    /// <summary>
    /// Judgements of cost or effort: "stream code is fiddly", "that's expensive", "a lot of migration risk". They
    /// dismiss only when predicated of the match and not conceded (see <see cref="Contrasts"/>), because honest
    /// trade-off talk uses the same words. Written as general English.
    /// </summary>
    public static readonly FrozenSet<string> JudgementWords = new[]
    {
        "expensive", "costly", "pricey", "complicated", "convoluted", "fragile", "brittle", "flaky", "fiddly", "finicky",
        "clunky", "cumbersome", "unwieldy", "painful", "tedious", "messy", "hacky", "heavyweight", "impractical",
        "unrealistic", "annoying", "pain", "paranoid", "excessive", "overcautious", "overzealous", "silly", "ridiculous",
        "absurd", "intrusive", "disruptive", "jarring", "awkward",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns of burden that judge when quantified: "a lot of risk", "too much overhead", "tons of boilerplate".</summary>
    public static readonly FrozenSet<string> BurdenNouns = new[]
    {
        "risk", "complexity", "overhead", "effort", "work", "toil", "maintenance", "boilerplate", "ceremony", "cost",
        "costs", "churn", "code", "instrumentation", "plumbing", "parts", "engineering", "migration", "project",
        "undertaking", "rewrite", "infrastructure", "machinery", "friction", "upkeep",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of quantity that turn a burden noun up to three words later into a judgement.</summary>
    public static readonly FrozenSet<string> BurdenQuantifiers = new[]
    {
        "lot", "lots", "much", "ton", "tons", "loads", "huge", "massive", "enormous", "big", "major", "serious", "extra",
        "twice", "double", "triple",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that predicate a judgement of their subject: "X is fiddly", "X adds a lot of risk", "X feels clunky".</summary>
    public static readonly FrozenSet<string> Copulas = new[]
    {
        "is", "are", "was", "were", "be", "been", "seems", "seem", "sounds", "sound", "feels", "feel", "looks", "look",
        "gets", "get", "becomes", "become", "adds", "add", "brings", "bring", "means", "mean", "introduces", "creates",
        "would", "will",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that concede a cost judgement before it in its clause: "though it's expensive".</summary>
    public static readonly FrozenSet<string> Concessives = new[]
    {
        "though", "although", "even", "granted", "admittedly", "while", "whilst",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after a cost judgement that restore the proposal: "expensive, but worth it", "still pays off".</summary>
    public static readonly FrozenSet<string> Contrasts = new[]
    {
        "but", "though", "although", "still", "yet", "however", "nevertheless", "nonetheless", "worth", "pays",
        "justified", "acceptable", "anyway",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may sit between a referring "that's" and its judgement: "that's just a bit of a headache".</summary>
    public static readonly FrozenSet<string> JudgementFillers = new[]
    {
        "a", "an", "the", "just", "pure", "total", "complete", "completely", "really", "very", "way", "pretty",
        "probably", "definitely", "clearly", "massive", "huge", "bit", "all", "so", "quite", "kind", "sort", "of", "like",
        "be", "frankly", "honestly", "basically", "simply", "utter", "also", "more", "too", "lot", "lots", "much",
        "classic", "textbook", "obviously",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs of harm that judge their subject as its predicate: "serializable transactions kill throughput", "MFA would
    /// slow them down", "forced logouts annoy users". Trade-off talk uses them too, so like judgement words they count
    /// only when nothing concedes them. "slow" counts only with its particle ("slow … down").
    /// </summary>
    public static readonly FrozenSet<string> HarmVerbs = new[]
    {
        "kill", "kills", "hurt", "hurts", "cripple", "cripples", "tank", "tanks", "ruin", "ruins", "annoy", "annoys",
        "frustrate", "frustrates", "irritate", "irritates", "bloat", "bloats", "clutter", "clutters", "slow", "slows",
        "break", "breaks", "hides", "masks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that may sit between a subject and its verb without ending the subject: modals and adverbs ("MFA would just
    /// slow them down", "retries will only make it worse").
    /// </summary>
    public static readonly FrozenSet<string> PredicateLeads = new[]
    {
        "would", "will", "could", "can", "might", "may", "just", "only", "also", "really", "actually", "probably",
        "definitely", "basically", "simply", "always", "often", "usually", "quickly", "easily", "inevitably",
        "eventually", "all", "both", "and", "or",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Praise that, after "sounds"/"seems"/"looks" and before a contrast or "in theory", distances the speaker from
    /// what it praises: "ETags sound nice, but our proxy strips them", "looks good on paper".
    /// </summary>
    public static readonly FrozenSet<string> PraiseWords = new[]
    {
        "nice", "good", "great", "neat", "clever", "elegant", "appealing", "attractive", "tempting", "cool", "lovely",
        "fancy", "smart", "promising", "sensible", "reasonable", "fine", "ideal", "perfect",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of appearance that praise at a distance: "sounds nice", "seems clever", "looks great".</summary>
    public static readonly FrozenSet<string> AppearanceVerbs = new[]
    {
        "sound", "sounds", "seem", "seems", "look", "looks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Interjections that, as a clause of their own, reject what the previous clause named: "Scopes, nah, …".</summary>
    public static readonly FrozenSet<string> RejectingInterjections = new[]
    {
        "nah", "nope", "meh", "pfft",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Pronouns that refer back to what the previous clause named: "…, I'd skip that", "we never needed it".</summary>
    public static readonly FrozenSet<string> ReferringPronouns = new[]
    {
        "it", "that", "this", "them", "those", "these",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of dislike that, in a relative clause, reject what it refers to: "…, which ops hate".</summary>
    public static readonly FrozenSet<string> DislikeWords = new[]
    {
        "hate", "hates", "hated", "dislike", "dislikes", "disliked", "loathe", "loathes", "detest", "detests", "resent",
        "resents", "dread", "dreads",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>After a negator in a relative clause, a premise that fails: "which never happens", "which doesn't work".</summary>
    public static readonly FrozenSet<string> FailedPremiseStems = StemAll("happen", "work", "occur");

    /// <summary>
    /// Words that end a dismissal's scope: after them the evaluation is of something else ("we use X because Y is
    /// overkill"). A "which" relative is judged on its own terms (see Negation): "X, which ops hate" rejects X.
    /// </summary>
    public static readonly FrozenSet<string> ScopeBreakers = new[]
    {
        "because", "since", "so", "when", "while", "whereas", "unless", "if", "where", "whereby", "which", "who",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that join the names of a list ("Jaeger or Tempo", "mjs and cjs"): list segments end at them.</summary>
    public static readonly FrozenSet<string> ListConjunctions = new[]
    {
        "and", "or", "nor", "plus", "versus", "vs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Articles and prepositions that may sit inside a name ("the BFF pattern", "Kaniko in CI", "EKS with Karpenter").</summary>
    public static readonly FrozenSet<string> NameLinks = new[]
    {
        "a", "an", "the", "of", "in", "on", "for", "with", "from", "like", "via", "per", "at", "by", "to", "into",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that break a clause for negation scope, as a comma does.</summary>
    public static readonly FrozenSet<string> ClauseBreakers = new[]
    {
        "but", "however", "although", "though", "whereas", "instead", "yet", "except",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common verbs (as stems) in spoken answers: they mark a sentence as a statement rather than a keyword list.</summary>
    public static readonly FrozenSet<string> VerbStems = StemAll(
        "use", "add", "verify", "check", "store", "keep", "return", "send", "write", "read", "set", "put", "run",
        "reject", "drop", "move", "route", "compare", "ensure", "need", "want", "let", "give", "take", "look", "start",
        "stop", "roll", "apply", "enforce", "limit", "shed", "scale", "split", "fix", "find", "handle", "process",
        "publish", "consume", "ack", "emit", "record", "expose", "compute", "validate", "invalidate", "purge", "evict",
        "serve", "fetch", "load", "call", "wrap", "block", "allow", "deny", "require", "include", "attach", "tag",
        "filter", "scope", "pin", "hash", "sign", "encrypt", "retry", "cache", "log", "alert", "measure", "track",
        "monitor", "dedupe", "insert", "update", "delete", "mark", "lock", "queue", "buffer", "throttle", "cap", "bound",
        "isolate", "trace", "inspect", "compensate", "degrade", "enqueue", "test", "prove", "show", "tell", "say",
        "pick", "go", "come", "happen", "lead", "cause", "mean", "know", "see", "think", "try", "become", "stay", "hit",
        "miss", "wait", "watch", "turn", "compare", "revert", "page", "fail", "break", "grow", "fall", "spike",
        "authorize", "capture", "reserve", "confirm", "release", "refund", "cancel", "charge", "bill", "expire",
        "enable", "disable", "flip", "switch", "swap", "shard", "partition", "batch", "join", "project", "assert",
        "fence", "lease", "renew", "replay", "reconcile", "propagate", "forward", "pass", "count", "sample", "index",
        "paginate", "stream", "shed", "drain", "park", "alert", "notify", "escalate", "ramp", "warm", "migrate");

    private static FrozenDictionary<string, string> Pairs(string words)
    {
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, split.Length / 2).ToFrozenDictionary(i => split[2 * i], i => split[(2 * i) + 1], StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Groups(string groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var stems = group.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WordStem).ToArray();
            foreach (var stem in stems.Skip(1))
            {
                map[stem] = stems[0];
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenSet<string> StemAll(params string[] words) => words.Select(StemOf).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lowercase word → the key concepts and answers are compared on.</summary>
    public static string StemOf(string word)
    {
        if (StemCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stem = WordStem(word);
        stem = PlainSynonyms.GetValueOrDefault(stem, stem);
        if (StemCache.Count < StemCacheLimit)
        {
            StemCache.TryAdd(word, stem);
        }

        return stem;
    }

    /// <summary>The stem before plain synonyms are folded.</summary>
    private static string WordStem(string word)
    {
        // Only the possessive goes: "i'd" must not become "id", nor "we'll" "well".
        var w = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

        w = SpellingVariants.GetValueOrDefault(w, w);
        w = IrregularForms.GetValueOrDefault(w, w);
        w = AmericanSuffix(w);
        var stem = AbleBase(w) ?? Porter2Stemmer.Stem(w);

        stem = DomainSynonyms.GetValueOrDefault(stem, stem);

        // Porter2 keeps "verify" → "verifi" but "verification" → "verif": drop the trailing i so they meet.
        if (stem.Length > 4 && stem[^1] == 'i' && !IsVowelBefore(stem))
        {
            stem = stem[..^1];
        }

        return stem;
    }

    /// <summary>
    /// "retryable", "cacheable", "scalable": Porter2 strips -able only from long words, so a short base keeps it
    /// ("retryabl") and misses its verb. Read the word as its base (keeping a final e where the stemmer keeps one:
    /// scal-able → scale), and -ably/-ability likewise, so the forms still meet. Bases under four letters (dis-able,
    /// cap-able, pay-able) are left alone.
    /// </summary>
    private static string? AbleBase(string w)
    {
        var suffix = w.EndsWith("ility", StringComparison.Ordinal) ? 7
            : w.EndsWith("ble", StringComparison.Ordinal) || w.EndsWith("bly", StringComparison.Ordinal) ? 4 : 0;
        if (suffix == 0 || w.Length - suffix < 4 || w[^suffix] is not ('a' or 'i'))
        {
            return null;
        }

        var stem = Porter2Stemmer.Stem(w);
        if (!stem.EndsWith("abl", StringComparison.Ordinal) && !stem.EndsWith("ibl", StringComparison.Ordinal))
        {
            return null;
        }

        var b = w[..^suffix];
        var withE = Porter2Stemmer.Stem(b + "e");
        return withE.EndsWith('e') && !b.EndsWith('e') ? withE : Porter2Stemmer.Stem(b);
    }

    private static bool IsVowelBefore(string stem) => stem[^2] is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>-ise/-isation/-yse → -ize/-ization/-yze; applied to both sides, so over-eager rewrites cannot split a match.</summary>
    private static string AmericanSuffix(string w)
    {
        if (w.Length < 6)
        {
            return w;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["isations", "isation", "ising", "ised", "ises", "isers", "iser", "ise"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return string.Concat(w.AsSpan(0, w.Length - suffix.Length), "iz", suffix.AsSpan(2));
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ysing", "ysed", "yses", "yse"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length > suffix.Length + 3)
            {
                return string.Concat(w.AsSpan(0, w.Length - suffix.Length), "yz", suffix.AsSpan(2));
            }
        }

        return w;
    }
}
