using Mend.Web.Platform.Search;

namespace Mend.Tests.Platform.Search;

public sealed class NameMatchTests
{
    [Theory]
    [InlineData("john smith", "john smith")]
    [InlineData("jonh smiht", "john smith")]
    [InlineData("jon smith", "john smith")]
    [InlineData("smith john", "john smith")]
    [InlineData("katie obrien", "katie o brien")]
    [InlineData("jonathan", "jonathan smith")]
    [InlineData("jon", "jonathan smith")]
    public void Score_MisspeltTransposedOrPartialName_IsAMatch(string typed, string recorded) =>
        Assert.True(NameMatch.Score(Trigrams.Normalise(typed), Trigrams.Normalise(recorded)) >= NameMatch.SearchThreshold,
            $"'{typed}' should find '{recorded}' but scored {NameMatch.Score(Trigrams.Normalise(typed), Trigrams.Normalise(recorded)):0.00}");

    [Theory]
    [InlineData("mary jones", "john smith")]
    [InlineData("priya patel", "tom evans")]
    public void Score_DifferentName_IsNotAMatch(string typed, string recorded) =>
        Assert.True(NameMatch.Score(typed, recorded) < NameMatch.SearchThreshold);

    [Theory]
    [InlineData("Straußberger", "Straussberger")]
    [InlineData("Søren Ærø", "Soren Aero")]
    [InlineData("Łukasz Wałęsa", "Lukasz Walesa")]
    [InlineData("Þórður", "Thordur")]
    [InlineData("Zoë Müller-Lüdenscheidt", "Zoe Muller Ludenscheidt")]
    [InlineData("O'Tierney", "OTierney")]
    [InlineData("O’Tierney", "OTierney")]
    [InlineData("OʼTierney", "OTierney")]
    [InlineData("O‘Tierney", "OTierney")]
    [InlineData("O`Tierney", "OTierney")]
    public void Normalise_FoldsLettersAndApostrophes_ForMatching(string typed, string plain) =>
        Assert.Equal(Trigrams.Normalise(plain), Trigrams.Normalise(typed));

    [Theory]
    [InlineData("O Tierney", "OTierney")]
    [InlineData("OTierney", "O Tierney")]
    [InlineData("O'Tierney", "O Tierney")]
    [InlineData("Mary D Souza", "Mary D'Souza")]
    [InlineData("Mary DSouza", "Mary D Souza")]
    public void Score_SpacedApostrophedAndJoinedParticles_MatchFully(string typed, string recorded) =>
        Assert.Equal(1.0, NameMatch.Score(Trigrams.Normalise(typed), Trigrams.Normalise(recorded)));

    [Fact]
    public void JoinParticles_LeavesNamesWithoutOneLetterWordsAlone()
    {
        Assert.Equal("john smith", NameMatch.JoinParticles("john smith"));
        Assert.Equal("otierney", NameMatch.JoinParticles("o tierney"));
        Assert.Equal("john d", NameMatch.JoinParticles("john d"));
    }

    [Fact]
    public void Expand_Nickname_AddsTheFullName()
    {
        var variants = Nicknames.Expand("bob evans");
        Assert.Contains("robert evans", variants);
        Assert.Equal("bob evans", variants[0]);
    }

    [Fact]
    public void Normalise_AccentsPunctuationAndCase_AreFolded() =>
        Assert.Equal("zoe o connor smith", Trigrams.Normalise("  Zoë O-Connor   SMITH "));

    [Fact]
    public void EditDistance_CountsATranspositionAsOneEdit() =>
        Assert.Equal(1, NameMatch.EditDistance("jonh", "john"));

    // pg_trgm's similarity() on PostgreSQL 15 for the same pairs.
    [Theory]
    [InlineData("word", "words", 0.5714286)]
    [InlineData("anna", "annanna", 0.8333333)]
    [InlineData("okonkwo", "okonkow", 0.45454547)]
    [InlineData("a", "aa", 0.25)]
    public void WordSimilarity_IsPgTrgmsSimilarity_RepeatedTrigramsCountedOnce(string a, string b, double pgTrgm)
    {
        Assert.Equal(pgTrgm, Trigrams.WordSimilarity(a, b), 6);
        Assert.Equal(pgTrgm, Trigrams.WordSimilarity(b, a), 6);
    }

    [Fact]
    public void WordSimilarity_OfWordsLongerThanTheTrigramsKeptOnTheStack_IsCountedTheSameWay()
    {
        // pg_trgm: similarity(repeat(alphabet, 3), alphabet) = 0.9310345, 27 trigrams shared of 29 ("yza" and "zab" only in the
        // longer word, whose 78 letters go past the trigrams kept on the stack).
        var (alphabet, thrice) = ("abcdefghijklmnopqrstuvwxyz", string.Concat(Enumerable.Repeat("abcdefghijklmnopqrstuvwxyz", 3)));
        Assert.Equal(0.9310345, Trigrams.WordSimilarity(thrice, alphabet), 6);
        Assert.Equal(0.9310345, Trigrams.WordSimilarity(alphabet, thrice), 6);
    }

    [Fact]
    public void EditDistance_OfWordsLongerThanTheRowsKeptOnTheStack_IsCountedTheSameWay()
    {
        var (a, b) = (new string('a', 130) + "xy", new string('a', 130) + "yx");
        Assert.Equal(1, NameMatch.EditDistance(a, b));
        Assert.Equal(132, NameMatch.EditDistance(a, ""));
        Assert.Equal(3, NameMatch.EditDistance("kitten", "sitting"));
        // Optimal string alignment edits no letter twice: "ca" to "abc" is three, not the two of a swap and then an insertion.
        Assert.Equal(3, NameMatch.EditDistance("ca", "abc"));
    }
}
