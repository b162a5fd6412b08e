using Mend.Web.Platform.Search;
using Microsoft.Extensions.Time.Testing;

namespace Mend.Tests.Platform.Search;

public sealed class WordIndexTests
{
    private static WordIndex With(params string[] words)
    {
        var index = new WordIndex(new FakeTimeProvider());
        index.Load(words);
        return index;
    }

    [Theory]
    [InlineData("jonh", "john")]
    [InlineData("smiht", "smith")]
    [InlineData("smth", "smith")]
    [InlineData("smithe", "smith")]
    [InlineData("catherine", "katherine")]
    [InlineData("jon", "jonathan")]
    public void Close_FindsWordsAFewEditsAwayOrThatStartWithIt(string typed, string recorded) =>
        Assert.Contains(recorded, With(recorded, "mary", "jones", "patel").Close([typed]));

    [Fact]
    public void Close_WithoutCompletions_LeavesOutWordsThatOnlyBeginWithIt()
    {
        var index = With("hal", "halbornby", "hale");
        Assert.Contains("halbornby", index.Close(["hal"]));
        Assert.DoesNotContain("halbornby", index.Close(["hal"], completions: false));
        Assert.Contains("hale", index.Close(["hal"], completions: false));
    }

    [Fact]
    public void Close_LeavesOutWordsThatAreNotClose() =>
        Assert.Empty(With("mary", "jones", "patel").Close(["smith"]));

    [Fact]
    public void Add_MakesANewWordFindableAtOnce_AndALaterLoadKeepsIt()
    {
        var index = With("mary");
        index.Add(["okonkwo"]);
        Assert.Contains("okonkwo", index.Close(["okonkow"]));
        index.Load(["mary"]);
        Assert.Contains("okonkwo", index.Close(["okonkwo"]));
    }

    [Fact]
    public async Task EnsureLoaded_ReadsAgainAfterAMinute()
    {
        var clock = new FakeTimeProvider();
        var index = new WordIndex(clock);
        var reads = 0;
        Task<List<string>> Read() { reads++; return Task.FromResult(new List<string> { "mary" }); }
        await index.EnsureLoadedAsync(Read);
        await index.EnsureLoadedAsync(Read);
        Assert.Equal(1, reads);
        clock.Advance(TimeSpan.FromSeconds(61));
        await index.EnsureLoadedAsync(Read);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task EnsureLoaded_WithACount_ReadsTheWordsAgainOnlyWhenTheirNumberChanged()
    {
        var clock = new FakeTimeProvider();
        var index = new WordIndex(clock);
        var held = new List<string> { "mary", "jones" };
        var reads = 0;
        Task<List<string>> Read() { reads++; return Task.FromResult(held.ToList()); }
        Task<int> Count() => Task.FromResult(held.Count);

        await index.EnsureLoadedAsync(Read, Count);
        clock.Advance(TimeSpan.FromSeconds(61));
        await index.EnsureLoadedAsync(Read, Count);
        Assert.Equal(1, reads);

        held.Add("okonkwo");
        clock.Advance(TimeSpan.FromSeconds(61));
        await index.EnsureLoadedAsync(Read, Count);
        Assert.Equal(2, reads);
        Assert.Contains("okonkwo", index.Close(["okonkow"]));

        // A person erased and another saved: the same number of words, different words; read again within ten minutes.
        held.Remove("okonkwo");
        held.Add("adeyemi");
        for (var minute = 0; minute < 10; minute++)
        {
            clock.Advance(TimeSpan.FromSeconds(61));
            await index.EnsureLoadedAsync(Read, Count);
        }

        Assert.Equal(3, reads);
        Assert.Contains("adeyemi", index.Close(["adeyemi"]));
        Assert.DoesNotContain("okonkwo", index.Close(["okonkwo"]));
    }

    [Fact]
    public void Close_OverManyWords_FindsEachByItsTyposAndNoFarWord()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString("x5", System.Globalization.CultureInfo.InvariantCulture) + "son").ToList();
        var index = With([.. words]);
        Assert.Equal(20_000, index.Count);
        foreach (var word in words.Where((_, i) => i % 997 == 0))
        {
            var typo = word.Remove(2, 1);
            var found = index.Close([typo]);
            Assert.Contains(word, found);
            Assert.All(found, f => Assert.True(NameMatch.WordScore(typo, f) >= NameMatch.SearchThreshold));
        }
    }
}
