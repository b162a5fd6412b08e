using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mend.Tests.People;

/// <summary>The pairs of each person's name words that two-word searches look up (decision 0004).</summary>
public sealed class NameWordPairTests
{
    [Fact]
    public void Of_PutsTheLesserWordFirst_InCodePointOrder_WhicheverIsGivenFirst()
    {
        Assert.Equal("johnson olivia", PersonNameWordPair.Of("olivia", "johnson"));
        Assert.Equal("johnson olivia", PersonNameWordPair.Of("johnson", "olivia"));
        // "ə" (U+0259, Azerbaijani) is after "z" by code point, though a language's collation puts it beside "e".
        Assert.Equal("zaur əliyev", PersonNameWordPair.Of("əliyev", "zaur"));
    }

    [Fact]
    public void A_PersonHasAPairForEveryTwoDifferentWords_AcrossTheirNameAndAliases()
    {
        var person = Person.Create(Details("Ana", "Silva", aliases: ["Ana Souza"]), DateTime.UtcNow, null);

        Assert.Equal(["ana silva", "ana souza", "silva souza"], person.NameWordPairs.Select(p => p.Pair).Order(StringComparer.Ordinal));

        person.Update(Details("Ana", "Costa", aliases: []), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(["ana costa"], person.NameWordPairs.Select(p => p.Pair));

        // A merged record is found through the one it was merged into; a reduced one by nobody.
        person.MarkMergedInto(Guid.NewGuid());
        Assert.Empty(person.NameWordPairs);
        var reduced = Person.Create(Details("Ana", "Silva", aliases: []), DateTime.UtcNow, null);
        reduced.ReduceToStatistics();
        Assert.Empty(reduced.NameWordPairs);
    }

    [Fact]
    public void A_PersonsNamesMayHaveFortyDifferentWords_SoTheirPairsStayFew()
    {
        var today = new DateOnly(2026, 12, 3);
        // Ana Silva and 19 other names of two new words each: 40 words, 780 pairs.
        var words = Enumerable.Range(0, 39).Select(i => $"Name{(char)('a' + i / 26)}{(char)('a' + i % 26)}").ToList();
        var twos = Enumerable.Range(0, 19).Select(i => $"{words[2 * i]} {words[2 * i + 1]}").ToList();
        var forty = new PersonInput { GivenName = "Ana", FamilyName = "Silva", Aliases = twos };
        Assert.Empty(forty.Validate(today, out var details));
        Assert.Equal(780, Person.Create(details!, DateTime.UtcNow, null).NameWordPairs.Count);

        var fortyOne = new PersonInput { GivenName = "Ana", FamilyName = "Silva", Aliases = [.. twos, words[38]] };
        Assert.Equal("The name and other names must have 40 different words or fewer between them", fortyOne.Validate(today, out _)["Aliases"]);

        // Two records within the limit each may not be merged into one over it.
        var keep = Person.Create(Details("Ana", "Silva", words[..20].Select(w => $"{w} Silva").ToList()), DateTime.UtcNow, null);
        var duplicate = Person.Create(Details("Anna", "Silva", words[20..].Select(w => $"{w} Silva").ToList()), DateTime.UtcNow, null);
        var refused = Assert.Throws<DomainRuleException>(() => keep.Absorb(duplicate, today, Guid.NewGuid(), "Manager", DateTime.UtcNow));
        Assert.StartsWith("Together these records' names and other names have more than 40 different words", refused.Message, StringComparison.Ordinal);
        Assert.Equal(20, keep.Aliases.Count);
    }

    [Fact]
    public async Task TheMigration_FillsThePairsOfEveryoneAlreadyRecorded_AsSavingThemWould()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(options, database.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        await using var db = new MendDb(options.Options);
        await db.Database.MigrateAsync();
        foreach (var (given, family, aliases) in new (string, string, string[])[]
        {
            ("Zaur", "Əliyev", []),
            ("Işık", "Kaya", []),
            ("Þóra", "Zoëga", ["Thora Zoega"]),
            ("Ιωάννα", "Adams", []),
            ("Nguyễn Văn", "An", ["An Nguyen"]),
            ("Thomas", "Thomas", []),
        })
        {
            db.People.Add(Person.Create(Details(given, family, aliases), DateTime.UtcNow, null));
        }

        await db.SaveChangesAsync();
        var saved = await PairsAsync(db);

        var migrations = db.Database.GetMigrations().ToList();
        var pairs = migrations.FindIndex(m => m.EndsWith("_NameWordPairs", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[pairs - 1]);
        if (database.IsPostgres)
        {
            // As in a database made with a language's collation (en_GB.UTF-8 is usual), where "ə" sorts beside "e".
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "PersonNameWords" ALTER COLUMN "Word" TYPE character varying(100) COLLATE "en-GB-x-icu" """);
        }

        await migrator.MigrateAsync(migrations[^1]);

        var filled = await PairsAsync(db);
        Assert.Equal(saved, filled);
        // Zaur Əliyev, Işık Kaya (folded to "isik"), Þóra Zoëga and her alias (both "thora zoega"), Ιωάννα Adams, and
        // Nguyễn Văn An with An Nguyen (three words, three pairs); Thomas Thomas has one word and so no pair.
        Assert.Equal(["adams ιωαννα", "an nguyen", "an van", "isik kaya", "nguyen van", "thora zoega", "zaur əliyev"], filled.Select(p => p.Pair).Order(StringComparer.Ordinal));
    }

    private static async Task<List<(Guid PersonId, string Pair)>> PairsAsync(MendDb db) =>
        (await db.PersonNameWordPairs.AsNoTracking().Select(p => new { p.PersonId, p.Pair }).ToListAsync())
            .Select(p => (p.PersonId, p.Pair)).OrderBy(p => p.PersonId).ThenBy(p => p.Pair, StringComparer.Ordinal).ToList();

    private static PersonDetails Details(string given, string family, IReadOnlyList<string> aliases) =>
        new(PersonKind.Individual, given, family, null, null, null, 30, null, null, null, false, null, null, null, null, aliases, null);
}
