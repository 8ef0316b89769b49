using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Features.Reference;

/// <summary>The reference pages: core basics, vocabulary, the answer template, pitfalls, memory hooks and interview scripts.</summary>
public static class ReferenceFeature
{
    public const string PageRoute = "page.show";
    public const string TermRoute = "vocab.term";

    private static readonly OptionSpec PublicOption = new("public", "Post it in the channel for everyone", OptionKind.Boolean);

    public static IServiceCollection AddReference(this IServiceCollection services)
    {
        services.AddScoped<ReferenceCommands>();
        return services.AddRoutes(routes => routes
            .Command<ReferenceCommands>(
                new CommandSpec("basics", "Core basics 1–8 and the partial-failure table")
                {
                    Options = [new OptionSpec("section", "Which section (type to search)") { Autocomplete = true }, PublicOption],
                },
                (h, inv, ct) => h.PageAsync(StudyContent.Ids.Basics, inv, inv.Option("section")))
            .Autocomplete<ReferenceCommands>("basics", "section", (h, inv, ct) => h.SectionChoices(StudyContent.Ids.Basics, inv.FocusedValue))
            .Command<ReferenceCommands>(Page("pitfalls", "Common pitfalls and their fixes", PublicOption), (h, inv, ct) => h.PageAsync(StudyContent.Ids.Pitfalls, inv, null))
            .Command<ReferenceCommands>(Page("hooks", "Memory hooks worth repeating", PublicOption), (h, inv, ct) => h.PageAsync(StudyContent.Ids.Hooks, inv, null))
            .Command<ReferenceCommands>(Page("scripts", "Interview scripts to say out loud", PublicOption), (h, inv, ct) => h.PageAsync(StudyContent.Ids.Scripts, inv, null))
            .Command<ReferenceCommands>(Page("template", "The six-step backend answer template", PublicOption), (h, inv, ct) => h.TemplateAsync(inv))
            .Command<ReferenceCommands>(
                new CommandSpec("vocab", "A vocabulary term's definition, with related terms")
                {
                    Options = [new OptionSpec("term", "Term (type to search)", Required: true) { Autocomplete = true }, PublicOption],
                },
                (h, inv, ct) => h.TermAsync(inv))
            .Autocomplete<ReferenceCommands>("vocab", "term", (h, inv, ct) => h.TermChoices(inv.FocusedValue))
            .Component<ReferenceCommands>(PageRoute, (h, inv, id, ct) => h.PageTurnAsync(id))
            .Component<ReferenceCommands>(TermRoute, (h, inv, id, ct) => h.TermPressedAsync(id)));
    }

    private static CommandSpec Page(string name, string description, OptionSpec option) => new(name, description) { Options = [option] };
}
