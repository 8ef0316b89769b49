using System.Globalization;
using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Reference;

internal static class PageViews
{
    private const int Accent = 0x10B981;

    /// <summary>Budget per embed: below Discord's 4096 so a page reads comfortably on a phone.</summary>
    private const int PageChars = 3000;

    /// <summary>Groups sections into pages at section boundaries, never splitting a section.</summary>
    public static List<List<PageSection>> Paginate(Page page)
    {
        var pages = new List<List<PageSection>>();
        var current = new List<PageSection>();
        var size = 0;
        foreach (var section in page.Sections)
        {
            var length = section.Title.Length + section.Markdown.Length + 8;
            if (current.Count > 0 && size + length > PageChars)
            {
                pages.Add(current);
                current = [];
                size = 0;
            }

            current.Add(section);
            size += length;
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    public static Reply Render(Page page, List<List<PageSection>> pages, int index, string owner)
    {
        var body = new StringBuilder();
        foreach (var section in pages[index])
        {
            body.AppendLine($"**{section.Title}**").AppendLine(section.Markdown).AppendLine();
        }

        var card = new ReplyCard(page.Title, body.ToString().TrimEnd())
        {
            Accent = Accent,
            Footer = pages.Count > 1 ? $"Page {index + 1} of {pages.Count}" : null,
        };
        if (pages.Count == 1)
        {
            return Reply.Show(card);
        }

        string Turn(int to) => CustomId.For(ReferenceFeature.PageRoute, owner, page.Id, to.ToString(CultureInfo.InvariantCulture));
        return Reply.Show(card, ControlRow.Of(
            new Button("◀ Previous", Turn(index - 1), Disabled: index == 0),
            new Button("Next ▶", Turn(index + 1), Disabled: index == pages.Count - 1)));
    }

    public static Reply Template(Checklist template)
    {
        var body = new StringBuilder();
        foreach (var part in template.Parts)
        {
            body.AppendLine($"**{part.Title}**").AppendLine(part.Description).AppendLine();
        }

        return Reply.Show(new ReplyCard(template.Title, body.ToString().TrimEnd())
        {
            Accent = Accent,
            Footer = "Every component must earn its place: name the control and the failure it handles.",
        });
    }

    public static Reply Term(Term term, StudyContent content, string owner)
    {
        var card = new ReplyCard(term.Name, term.Definition)
        {
            Accent = Accent,
            Footer = term.TopicId is { } topic && content.Topic(topic) is { } t ? $"Topic: {t.Title} — /topic name:{t.Id}" : null,
        };
        var related = term.Related.Select(content.Term).OfType<Term>().Take(5)
            .Select(r => (Control)new Button(r.Name, CustomId.For(ReferenceFeature.TermRoute, owner, r.Id))).ToList();
        return related.Count == 0 ? Reply.Show(card) : Reply.Show(card, new ControlRow(related));
    }
}
