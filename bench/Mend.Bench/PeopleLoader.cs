using System.Diagnostics;
using Bogus;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Mend.Bench;

/// <summary>
/// Loads a deterministic set of people into PostgreSQL through the schema the migrations create:
/// names as varied as a real service's (<see cref="PeopleNames"/>: about 150,000 distinct surnames from many cultures on a
/// Zipf-like curve, fixed seed), dates of birth that fit youth cases and adult victims, other names for some, and UK
/// addresses (Bogus, en_GB). Binary COPY, with the indexes built after the load.
/// Also writes search queries drawn from the names, misspelt as people misspell them.
/// </summary>
public static class PeopleLoader
{
    public static async Task<int> RunAsync(Options options)
    {
        var connection = options.Required("connection");
        var scale = options.Int("scale", 100_000);
        var seed = options.Int("seed", 42);
        var queriesFile = options.Required("queries");

        var clock = Stopwatch.StartNew();
        var dbOptions = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(dbOptions, DatabaseProvider.Postgres, connection);
        await using (var db = new MendDb(dbOptions.Options))
        {
            await db.Database.MigrateAsync();
        }

        Console.WriteLine($"Migrated in {clock.Elapsed.TotalSeconds:0.0} s");
        await using var data = NpgsqlDataSource.Create(connection);
        // Indexes are built once after the load, which is much quicker than keeping them up row by row.
        await Execute(data, "DROP INDEX IF EXISTS \"IX_PersonNameWords_Word_PersonId\"; DROP INDEX IF EXISTS \"IX_PersonNameWordPairs_PersonId\"; DROP INDEX IF EXISTS \"IX_PersonSearchNames_PersonId\"; DROP INDEX IF EXISTS \"IX_PersonAddresses_PersonId\"; DROP INDEX IF EXISTS \"IX_PersonAddresses_PostcodeKey\"");
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);

        clock.Restart();
        var peopleNames = PeopleNames.Build(seed);
        var nameRandom = PeopleNames.DrawingRandom(seed);
        var tally = new NameTally();
        Console.WriteLine($"Names: {peopleNames.Surnames.Count:N0} surnames from {peopleNames.Cultures.Count} cultures, weight 1/(rank + {PeopleNames.Offset})^{PeopleNames.Exponent}; "
            + $"{peopleNames.GivenNameCount:N0} given names; built in {clock.Elapsed.TotalSeconds:0.0} s");
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("en_GB");
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        var queries = new List<string>();

        clock.Restart();
        await using (var people = await (await data.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY \"People\" (\"Id\", \"Kind\", \"GivenName\", \"FamilyName\", \"DateOfBirth\", \"Gender\", \"NeedsInterpreter\", \"CreatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        await using (var names = await (await data.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY \"PersonSearchNames\" (\"PersonId\", \"Text\") FROM STDIN (FORMAT BINARY)"))
        await using (var words = await (await data.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY \"PersonNameWords\" (\"PersonId\", \"Word\") FROM STDIN (FORMAT BINARY)"))
        await using (var pairs = await (await data.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY \"PersonNameWordPairs\" (\"Pair\", \"PersonId\") FROM STDIN (FORMAT BINARY)"))
        await using (var addresses = await (await data.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY \"PersonAddresses\" (\"PersonId\", \"Line1\", \"Town\", \"Postcode\", \"PostcodeKey\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < scale; i++)
            {
                var person = peopleNames.Draw(nameRandom);
                var (female, given, family) = (person.Female, person.Given, person.Family);
                tally.Add(given, family);
                var youth = random.Next(10) < 7;
                var born = today.AddDays(-(youth ? random.Next(10 * 365, 18 * 365) : random.Next(18 * 365, 85 * 365)));
                var id = Guid.CreateVersion7();

                await people.StartRowAsync();
                await people.WriteAsync(id, NpgsqlDbType.Uuid);
                await people.WriteAsync("Individual", NpgsqlDbType.Varchar);
                await people.WriteAsync(given, NpgsqlDbType.Varchar);
                await people.WriteAsync(family, NpgsqlDbType.Varchar);
                await people.WriteAsync(born, NpgsqlDbType.Date);
                await people.WriteAsync(female ? "female" : "male", NpgsqlDbType.Varchar);
                await people.WriteAsync(false, NpgsqlDbType.Boolean);
                await people.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await people.WriteAsync(0, NpgsqlDbType.Integer);

                var personNames = new List<string> { Trigrams.Normalise($"{given} {family}") };
                if (person.AliasGiven is { } alias)
                {
                    personNames.Add(Trigrams.Normalise($"{alias} {family}"));
                }

                foreach (var name in personNames.Distinct())
                {
                    await names.StartRowAsync();
                    await names.WriteAsync(id, NpgsqlDbType.Uuid);
                    await names.WriteAsync(name, NpgsqlDbType.Varchar);
                }

                var personWords = personNames.SelectMany(n => n.Split(' ')).Where(w => w.Length > 0).Distinct().ToList();
                foreach (var word in personWords)
                {
                    vocabulary.Add(word);
                    await words.StartRowAsync();
                    await words.WriteAsync(id, NpgsqlDbType.Uuid);
                    await words.WriteAsync(word, NpgsqlDbType.Varchar);
                }

                for (var a = 0; a < personWords.Count; a++)
                {
                    for (var b = a + 1; b < personWords.Count; b++)
                    {
                        await pairs.StartRowAsync();
                        await pairs.WriteAsync(PersonNameWordPair.Of(personWords[a], personWords[b]), NpgsqlDbType.Varchar);
                        await pairs.WriteAsync(id, NpgsqlDbType.Uuid);
                    }
                }

                var postcode = faker.Address.ZipCode().ToUpperInvariant();
                await addresses.StartRowAsync();
                await addresses.WriteAsync(id, NpgsqlDbType.Uuid);
                await addresses.WriteAsync(faker.Address.StreetAddress(), NpgsqlDbType.Varchar);
                await addresses.WriteAsync(faker.Address.City(), NpgsqlDbType.Varchar);
                await addresses.WriteAsync(postcode, NpgsqlDbType.Varchar);
                await addresses.WriteAsync(AddressDetails.PostcodeKeyOf(postcode)!, NpgsqlDbType.Varchar);

                if (queries.Count < 5000 && random.Next(Math.Max(1, scale / 5000)) == 0)
                {
                    queries.Add(Misspell($"{given} {family}", random));
                }
            }

            await people.CompleteAsync();
            await names.CompleteAsync();
            await words.CompleteAsync();
            await pairs.CompleteAsync();
            await addresses.CompleteAsync();
        }

        await using (var connectionForWords = await data.OpenConnectionAsync())
        await using (var vocabularyImport = await connectionForWords.BeginBinaryImportAsync("COPY \"NameWords\" (\"Word\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var word in vocabulary)
            {
                await vocabularyImport.StartRowAsync();
                await vocabularyImport.WriteAsync(word, NpgsqlDbType.Varchar);
            }

            await vocabularyImport.CompleteAsync();
        }

        Console.WriteLine($"Loaded {tally.Describe()} in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        await Execute(data, "CREATE INDEX \"IX_PersonNameWords_Word_PersonId\" ON \"PersonNameWords\" (\"Word\", \"PersonId\")");
        await Execute(data, "CREATE INDEX \"IX_PersonNameWordPairs_PersonId\" ON \"PersonNameWordPairs\" (\"PersonId\")");
        await Execute(data, "CREATE INDEX \"IX_PersonSearchNames_PersonId\" ON \"PersonSearchNames\" (\"PersonId\")");
        await Execute(data, "CREATE INDEX \"IX_PersonAddresses_PersonId\" ON \"PersonAddresses\" (\"PersonId\")");
        await Execute(data, "CREATE INDEX \"IX_PersonAddresses_PostcodeKey\" ON \"PersonAddresses\" (\"PostcodeKey\")");
        // VACUUM sets the visibility map, so the name-word lookups are index-only scans, as autovacuum keeps them in a live service.
        await Execute(data, "VACUUM (ANALYZE)");
        Console.WriteLine($"Built the indexes and statistics ({vocabulary.Count:N0} distinct name words) in {clock.Elapsed.TotalSeconds:0.0} s");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(queriesFile))!);
        await File.WriteAllLinesAsync(queriesFile, queries);
        return 0;
    }

    /// <summary>A third typed right, a third with two letters swapped, a third with a letter missing.</summary>
    public static string Misspell(string name, Random random)
    {
        var chars = name.ToCharArray();
        var at = random.Next(1, Math.Max(2, chars.Length - 2));
        switch (random.Next(3))
        {
            case 1 when chars[at] != ' ' && chars[at + 1] != ' ':
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return new string(chars);
            case 2 when chars[at] != ' ':
                return name.Remove(at, 1);
            default:
                return name;
        }
    }

    private static async Task Execute(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
