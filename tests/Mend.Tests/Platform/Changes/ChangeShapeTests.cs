using System.Text.RegularExpressions;

namespace Mend.Tests.Platform.Changes;

/// <summary>
/// Decision 0010, held by reading the source: every change has one shape, so the features written after it copy one
/// thing. These fail, naming the file, when a feature grows its own variant again.
/// </summary>
public sealed partial class ChangeShapeTests
{
    private static readonly string Web = Path.Combine(SourceRoot(), "src", "Mend.Web");

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mend.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Mend.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string Path, string Text)> Sources(string folder, string pattern = "*.cs") =>
        Directory.EnumerateFiles(Path.Combine(Web, folder), pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Web, p), File.ReadAllText(p)));

    [Fact]
    public void SourcesAreFound()
    {
        Assert.True(Sources("Features").Count() > 100);
        Assert.True(Sources("Features", "*.cshtml.cs").Count() > 40);
    }

    [Fact]
    public void NoPageModel_IsOver200Lines_OrBindsMoreThan12Properties()
    {
        var over = Sources("Features", "*.cshtml.cs")
            .Select(s => (s.Path, Lines: s.Text.Split('\n').Length, Bound: BindProperty().Matches(s.Text).Count))
            .Where(s => s.Lines > 200 || s.Bound > 12)
            .Select(s => $"{s.Path}: {s.Lines} lines, {s.Bound} bound properties")
            .ToList();
        Assert.True(over.Count == 0, string.Join("\n", over));
    }

    [Fact]
    public void NoFeature_ParsesIfMatch_OrAnswers412Or428Itself()
    {
        var found = Sources("Features")
            .Where(s => s.Text.Contains("If-Match\"]", StringComparison.Ordinal) || s.Text.Contains("IfMatch", StringComparison.Ordinal)
                || s.Text.Contains("Status412", StringComparison.Ordinal) || s.Text.Contains("Status428", StringComparison.Ordinal)
                || s.Text.Contains("statusCode: 412", StringComparison.Ordinal) || s.Text.Contains("statusCode: 428", StringComparison.Ordinal)
                || s.Text.Contains("CheckIfMatch", StringComparison.Ordinal))
            .Select(s => s.Path).ToList();
        Assert.True(found.Count == 0, "Use ApiChange (Platform/Api): " + string.Join(", ", found));
    }

    [Fact]
    public void NoFeature_DefinesItsOwnChangeResult_OrConflictMessage()
    {
        var found = Sources("Features")
            .Where(s => ChangeResult().IsMatch(s.Text) || s.Text.Contains("ConflictMessage", StringComparison.Ordinal)
                || s.Text.Contains("\"Someone else changed", StringComparison.Ordinal))
            .Select(s => s.Path).ToList();
        Assert.True(found.Count == 0, "Return Outcome<T> and use Conflicts.Message (Platform/Changes): " + string.Join(", ", found));
    }

    [Fact]
    public void NoFeature_ChoosesAFieldOrStatus_ByMatchingMessageText()
    {
        var found = Sources("Features")
            .Where(s => MessageMatch().IsMatch(s.Text))
            .Select(s => s.Path).ToList();
        Assert.True(found.Count == 0, "Name the field in DomainRuleException instead: " + string.Join(", ", found));
    }

    [Fact]
    public void TypedTimes_AreReadOnlyThroughLondon()
    {
        var found = Sources("Features").Where(s => s.Text.Contains("TimeOnly.TryParse", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        Assert.True(found.Count == 0, "Use London.ToUtc(day, typed) or London.ParseTime: " + string.Join(", ", found));
    }

    [GeneratedRegex(@"\[BindProperty")]
    private static partial Regex BindProperty();

    [GeneratedRegex(@"sealed record (\w+\.)?Result\(")]
    private static partial Regex ChangeResult();

    [GeneratedRegex(@"\.(Message|Error)\??\.(StartsWith|Contains|Equals)\(")]
    private static partial Regex MessageMatch();
}
