using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Topics;

internal static class TopicViews
{
    private const int Accent = 0x3B82F6;

    public static Reply Section(Topic topic, SectionKind kind, string owner, bool learned, RouteTable routes)
    {
        var section = topic.Section(kind)!;
        var card = new ReplyCard($"{topic.Title} — {section.Title}", section.Markdown)
        {
            Accent = Accent,
            Footer = $"Topic {topic.Order} of the study plan{(learned ? " · learned ✓" : "")}",
        };
        var sections = topic.Sections.Where(s => Topic.StudySections.Contains(s.Kind))
            .Select(s => (Control)new Button(s.Title, CustomId.For(TopicsFeature.SectionRoute, owner, topic.Id, s.Kind.ToString()),
                s.Kind == kind ? ControlStyle.Primary : ControlStyle.Secondary, Disabled: s.Kind == kind))
            .ToList();
        // Mark learned comes first so its place does not move as other features add buttons here.
        var actions = new List<Control>
        {
            new Button(learned ? "Learned ✓" : "Mark learned", CustomId.For(TopicsFeature.LearnRoute, owner, topic.Id, kind.ToString()),
                ControlStyle.Success, Disabled: learned),
        };
        if (routes.ComponentRouteExists(TopicsFeature.PromptsForTopicRoute))
        {
            actions.Add(new Button("Prompts on this topic", CustomId.For(TopicsFeature.PromptsForTopicRoute, owner, topic.Id)));
        }

        if (routes.ComponentRouteExists(TopicsFeature.DrillTopicRoute))
        {
            actions.Add(new Button("Drill this topic", CustomId.For(TopicsFeature.DrillTopicRoute, owner, topic.Id)));
        }

        return Reply.Show(card, new ControlRow(sections), new ControlRow(actions));
    }

    public static Topic? Next(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, DateTimeOffset> learned) =>
        topics.FirstOrDefault(t => !learned.ContainsKey(t.Id));

    public static Reply Plan(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, DateTimeOffset> learned)
    {
        var text = new StringBuilder();
        foreach (var topic in topics)
        {
            text.AppendLine($"{(learned.ContainsKey(topic.Id) ? "✅" : "⬜")} **{topic.Order}. {topic.Title}** (`{topic.Id}`)");
        }

        var next = Next(topics, learned);
        var card = new ReplyCard($"Study plan — {learned.Count(l => topics.Any(t => t.Id == l.Key))}/{topics.Count} learned", text.ToString().TrimEnd())
        {
            Accent = Accent,
            Fields = next is null
                ? [new ReplyField("All done", "Every topic is learned. Keep the drills going with `/drill`, and test yourself with `/prompt`.")]
                : [new ReplyField($"Next: {next.Title}", $"{next.Why}\nOpen it with `/topic name:{next.Id}`.")],
        };
        return Reply.Show(card);
    }
}
