using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Reference;

internal sealed class ReferenceCommands(StudyContent content)
{
    public ValueTask<Response> PageAsync(string pageId, Invocation invocation, string? sectionQuery)
    {
        var page = content.Page(pageId) ?? throw new UserFacingException($"The `{pageId}` page is missing from this installation's content.");
        var pages = PageViews.Paginate(page);
        var index = 0;
        if (sectionQuery is not null)
        {
            var section = FindSection(page, sectionQuery)
                ?? throw new UserFacingException($"No section \"{QuotedText.Inert(sectionQuery, 40)}\" in {page.Title}. Sections: {string.Join(", ", page.Sections.Select(s => $"`{s.Id}`"))}.");
            index = pages.FindIndex(p => p.Contains(section));
        }

        return Done(PageViews.Render(page, pages, index, invocation.User.Id).Publicly(invocation.Flag("public")));
    }

    public ValueTask<Response> PageTurnAsync(CustomId id)
    {
        var page = content.Page(id.Arg(0)) ?? throw new UserFacingException("That page no longer exists.");
        var pages = PageViews.Paginate(page);
        var index = int.TryParse(id.Arg(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, pages.Count - 1) : 0;
        return Done(PageViews.Render(page, pages, index, id.Owner).Replacing());
    }

    public ValueTask<IReadOnlyList<Choice>> SectionChoices(string pageId, string typed) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>(content.Page(pageId) is { } page
            ? [.. page.Sections.Where(s => Matches(typed, s.Id, s.Title)).Select(s => new Choice(s.Title, s.Id))]
            : []);

    public ValueTask<Response> TemplateAsync(Invocation invocation)
    {
        var template = content.Checklist(StudyContent.Ids.AnswerTemplate) ?? throw new UserFacingException("The answer template is missing from the content.");
        return Done(PageViews.Template(template).Publicly(invocation.Flag("public")));
    }

    public ValueTask<Response> TermAsync(Invocation invocation)
    {
        var query = invocation.Option("term") ?? "";
        var term = content.Term(query) ?? content.Terms.FirstOrDefault(t => t.Name.Equals(query, StringComparison.OrdinalIgnoreCase));
        if (term is null)
        {
            var close = content.Terms.Where(t => Matches(query, t.Id, t.Name)).Take(8).ToList();
            return Done(Reply.Say(close.Count == 0
                ? $"I have no term \"{QuotedText.Inert(query, 40)}\". Try `/vocab` and type to see suggestions."
                : $"I have no term \"{QuotedText.Inert(query, 40)}\". Did you mean: {string.Join(", ", close.Select(t => $"`{t.Id}`"))}?"));
        }

        return Done(PageViews.Term(term, content, invocation.User.Id).Publicly(invocation.Flag("public")));
    }

    public ValueTask<Response> TermPressedAsync(CustomId id)
    {
        var term = content.Term(id.Arg(0)) ?? throw new UserFacingException("That term no longer exists.");
        return Done(PageViews.Term(term, content, id.Owner).Replacing());
    }

    public ValueTask<IReadOnlyList<Choice>> TermChoices(string typed) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>([.. content.Terms.Where(t => Matches(typed, t.Id, t.Name))
            .OrderBy(t => t.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(25).Select(t => new Choice(t.Name, t.Id))]);

    private static PageSection? FindSection(Page page, string query) =>
        page.Section(query)
        ?? page.Sections.FirstOrDefault(s => Matches(query, s.Id, s.Title))
        ?? (int.TryParse(query, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= page.Sections.Count ? page.Sections[n - 1] : null);

    private static bool Matches(string typed, string id, string title) =>
        typed.Length == 0
        || id.Contains(typed, StringComparison.OrdinalIgnoreCase)
        || title.Contains(typed, StringComparison.OrdinalIgnoreCase);

    private static ValueTask<Response> Done(Reply reply) => ValueTask.FromResult<Response>(reply);
}
