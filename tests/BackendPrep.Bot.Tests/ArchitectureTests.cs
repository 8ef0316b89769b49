using System.Reflection;

namespace BackendPrep.Bot.Tests;

/// <summary>The boundaries of the tree, checked from what each compiled assembly actually references.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Ours = ["BackendPrep.Core", "BackendPrep.Content", "BackendPrep.Storage", "BackendPrep.Discord", "backendprep"];

    private static IReadOnlyList<string> References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Core_references_nothing_but_the_base_class_library()
    {
        var references = References("BackendPrep.Core");

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", $"Core references {r}"));
    }

    [Theory]
    [InlineData("BackendPrep.Content", new[] { "BackendPrep.Core" })]
    [InlineData("BackendPrep.Storage", new[] { "BackendPrep.Core" })]
    public void Adapters_reference_only_core_among_our_projects(string assembly, string[] allowed)
    {
        var ours = References(assembly).Where(r => Ours.Contains(r));

        Assert.Equal(allowed, ours.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Storage_and_content_do_not_know_each_other_or_discord()
    {
        Assert.DoesNotContain("LiteDB", References("BackendPrep.Content"));
        Assert.DoesNotContain("Markdig", References("BackendPrep.Storage"));
    }
}
