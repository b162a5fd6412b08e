using System.Diagnostics;
using Bogus;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.Orders;
using Mend.Web.Features.People;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Staff;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;
using Person = Mend.Web.Features.People.Person;

namespace Mend.Bench;

/// <summary>
/// Loads a deterministic caseload (fixed seed): N cases from every referral source, about two people
/// per case (the young person, the victim, sometimes a parent or carer) with plausible UK names,
/// misspellings and other names, dates of birth that fit, and addresses; offences with their victims;
/// case notes (encrypted as Mend encrypts them); victims' assessments, victim journeys and planned
/// restorative processes on some. One worker is allocated 150 open cases for the caseload scenario.
/// Writes the case ids, victim journey pages, process ids and search queries for the scenarios.
/// </summary>
public static class CaseLoader
{
    private static readonly ReferralSource[] Sources = Enum.GetValues<ReferralSource>();
    private static readonly DisposalKind[] OrderKinds = [DisposalKind.CommunityResolution, DisposalKind.YouthCaution, DisposalKind.Outcome22, DisposalKind.Outcome22DeferredProsecution];

    private static readonly string[] Notes =
    [
        "Phoned the young person's mum to arrange a first visit.",
        "Home visit: talked through what restorative justice involves and what happens next.",
        "Spoke to the victim; they would like time to think about meeting.",
        "School confirmed attendance has improved since the referral.",
        "Young person wrote a first draft of a letter of apology.",
        "Left a voicemail; will try again on Thursday.",
        "Met with the police officer in the case to go through the offence.",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Optional("provider") == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var connection = options.Required("connection");
        var scale = options.Int("scale", 1000);
        var seed = options.Int("seed", 42);
        var worker = Guid.Parse(options.Required("worker"));
        var workerName = options.Optional("worker-name") ?? "Bench Practitioner";
        var outFolder = options.Required("out");
        var encryption = new FieldEncryption(new EncryptionSettings { Keys = new() { ["1"] = options.Required("key") } });

        var clock = Stopwatch.StartNew();
        var dbOptions = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(dbOptions, provider, connection);
        await using var db = new MendDb(dbOptions.Options);
        await db.Database.MigrateAsync();
        if (await db.Cases.AnyAsync())
        {
            Console.Error.WriteLine("The database already has cases; load into an empty one.");
            return 2;
        }

        var types = await db.OffenceTypes.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync();
        var knownWords = (await db.NameWords.AsNoTracking().Select(w => w.Word).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        Console.WriteLine($"Migrated in {clock.Elapsed.TotalSeconds:0.0} s");

        Randomizer.Seed = new Random(seed);
        var faker = new Faker("en_GB");
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var caseIds = new List<Guid>(Math.Min(scale, 20_000));
        var queries = new List<string>();
        var victimPages = new List<string>();
        var processIds = new List<Guid>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        var people = 0;
        var mine = 0;

        clock.Restart();
        // Generating and writing overlap: one task makes each case's aggregates, the other writes them.
        var channel = System.Threading.Channels.Channel.CreateBounded<List<object>>(new System.Threading.Channels.BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            for (var i = 1; i <= scale; i++)
            {
                var batch = new List<object>(8);
                var source = Sources[i % Sources.Length];
                var jurisdiction = source == ReferralSource.ParishHallEnquiry ? Jurisdiction.Jersey : Jurisdiction.EnglandAndWales;
                var youngPerson = NewPerson(faker, random, today.AddDays(-random.Next(10 * 365 + 30, 18 * 365 - 30)), now);
                var victim = random.Next(5) == 0
                    ? Person.Create(new PersonDetails(PersonKind.Organisation, null, null, faker.Company.CompanyName(), "The manager", null, null, null, null, null, false, null, null, null, null, [], null), now, null)
                    : NewPerson(faker, random, today.AddDays(-random.Next(11 * 365, 85 * 365)), now);
                var parent = random.Next(5) == 0 ? NewPerson(faker, random, today.AddDays(-random.Next(30 * 365, 60 * 365)), now) : null;
                foreach (var person in new[] { youngPerson, victim, parent }.OfType<Person>())
                {
                    foreach (var word in person.NameWords.Select(w => w.Word).Where(w => !knownWords.Contains(w)))
                    {
                        words.Add(word);
                    }

                    if (person.Kind == PersonKind.Individual && queries.Count < 5000 && random.Next(Math.Max(1, scale * 2 / 5000)) == 0)
                    {
                        queries.Add(PeopleLoader.Misspell($"{person.GivenName} {person.FamilyName}", random));
                    }

                    batch.Add(person);
                    people++;
                }

                var received = today.AddDays(-random.Next(1, 700));
                var @case = Case.Refer($"RJ-{received.Year}-{i:D7}", new ReferralDetails(source, received, faker.Name.FullName(), "Exampletown " + source, null),
                    Team.DefaultId, jurisdiction, youngPerson.Id, now);
                @case.AddParticipant(victim.Id, ParticipantRole.Victim, now);
                if (parent is not null)
                {
                    @case.AddParticipant(parent.Id, ParticipantRole.ParentOrCarer, now);
                }

                for (var o = 0; o < 1 + (random.Next(4) == 0 ? 1 : 0); o++)
                {
                    @case.AddOffence(new OffenceDetails(types[random.Next(types.Count)], received.AddDays(-random.Next(5, 60)), faker.Address.City(), null, [victim.Id]), now);
                }

                var stage = random.Next(20);
                var open = stage >= 3;
                if (open)
                {
                    @case.Accept("Suitable for restorative work", workerName, now);
                    var forWorker = mine < 150 && stage < 19;
                    mine += forWorker ? 1 : 0;
                    @case.Allocate(forWorker ? worker : Guid.CreateVersion7(), forWorker ? workerName : $"Worker {random.Next(1, 60)}", "Bench", now);
                    @case.SetRisk((RiskLevel)random.Next(1, 5), today.AddDays(random.Next(-10, 90)), now);
                }

                batch.Add(@case);
                for (var n = 0; n < random.Next(1, 5); n++)
                {
                    batch.Add(CaseNote.Write(@case.Id, new NoteDetails((NoteType)random.Next(0, 6), now.AddDays(-random.Next(1, 200)), null, Notes[random.Next(Notes.Length)]),
                        encryption, worker, workerName, now));
                }

                if (open && victim.Kind == PersonKind.Individual && random.Next(10) < 4)
                {
                    batch.Add(DemoCases.DemoAssessment(@case.Id, victim.Id, RiskLevel.Low, encryption, worker, workerName, now));
                }

                if (open && random.Next(10) < 6)
                {
                    var journey = DemoCases.DemoVictim(@case.Id, victim.Id, received, explained: random.Next(3) > 0, encryption, workerName, now);
                    // What KPI 10 counts, in varied shares: views before the decision, updates asked for and given, support, a few declines.
                    if (random.Next(3) == 0)
                    {
                        journey.RecordViews(DecisionMaker.OutOfCourtDisposal, "Would like an apology.", false, null, received.AddDays(2), encryption, workerName, now);
                    }

                    if (random.Next(2) == 0)
                    {
                        journey.Record(new RecordDetails(RecordKind.ProgressUpdate, received.AddDays(random.Next(3, 60)), null, null, null, ContactMethod.Phone, null), null,
                            encryption, workerName, now);
                    }

                    if (random.Next(4) == 0)
                    {
                        journey.Record(new RecordDetails(RecordKind.SupportWanted, received.AddDays(2), null, null, null, ContactMethod.Phone, null), null, encryption, workerName, now);
                        if (random.Next(3) > 0)
                        {
                            journey.Record(new RecordDetails(RecordKind.SupportReferral, received.AddDays(4), null, "Victim Support", null, ContactMethod.Phone, null), null,
                                encryption, workerName, now);
                        }
                    }

                    if (random.Next(10) == 0)
                    {
                        journey.DeclineService(received.AddDays(random.Next(2, 200)), workerName, now);
                    }

                    batch.Add(journey);
                    if (open && victimPages.Count < 20_000)
                    {
                        victimPages.Add($"/Cases/{@case.Id}/Victims/{victim.Id}");
                    }
                }

                if (open && random.Next(10) == 0)
                {
                    var process = RjProcess.Plan(@case.Id, random.Next(2) == 0 ? ProcessKind.FaceToFaceConference : ProcessKind.Letter,
                        [(youngPerson.Id, ParticipantRole.YoungPerson), (victim.Id, ParticipantRole.Victim)], workerName, now);
                    batch.Add(process);
                    if (processIds.Count < 20_000)
                    {
                        processIds.Add(process.Id);
                    }
                }

                // Orders for the reports: about half the England and Wales cases have a disposal decided after the referral, and most of
                // those have ended, on a day spread over the last two years (so each quarter holds a share of the endings).
                if (jurisdiction == Jurisdiction.EnglandAndWales && random.Next(2) == 0)
                {
                    var decided = received.AddDays(random.Next(1, 30));
                    if (decided < today)
                    {
                        var kind = OrderKinds[random.Next(OrderKinds.Length)];
                        var order = Order.Record(@case.Id, jurisdiction, new OrderDetails(kind, decided, null, null, null, null, InterventionLevel.Standard, null, "Exampletown Police", null),
                            youngPerson.AgeRangeOn(decided), today, workerName, now);
                        var endsOn = decided.AddDays(random.Next(30, 400));
                        if (endsOn < today && random.Next(10) < 8)
                        {
                            order.End(random.Next(10) < 8 ? EndReason.Completed : EndReason.Revoked, endsOn, null, today);
                        }

                        batch.Add(order);
                    }
                }

                if (open && caseIds.Count < 20_000)
                {
                    caseIds.Add(@case.Id);
                }

                await channel.Writer.WriteAsync(batch);
            }

            var last = new List<object>();
            last.AddRange(words.Select(w => new NameWord(w)));
            last.AddRange(Enumerable.Range(today.Year - 2, 3).Select(year => new CaseReferenceCounter { Year = year, LastNumber = scale }));
            await channel.Writer.WriteAsync(last);
            channel.Writer.Complete();
        });

        await using (var writer = await BulkWriter.OpenAsync(db, provider, connection))
        {
            await foreach (var batch in channel.Reader.ReadAllAsync())
            {
                foreach (var aggregate in batch)
                {
                    await writer.AddAsync(aggregate);
                }
            }

            await producer;
            await writer.CompleteAsync();
        }

        Console.WriteLine($"Loaded {scale:N0} cases and {people:N0} people in {clock.Elapsed.TotalSeconds:0.0} s ({mine} allocated to the bench worker)");
        clock.Restart();
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"Statistics in {clock.Elapsed.TotalSeconds:0.0} s");
        Directory.CreateDirectory(outFolder);
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "case-ids.txt"), caseIds.Select(c => c.ToString()));
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "queries.txt"), queries);
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "victim-pages.txt"), victimPages);
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "process-ids.txt"), processIds.Select(p => p.ToString()));
        return 0;
    }

    private static Person NewPerson(Faker faker, Random random, DateOnly born, DateTime now)
    {
        var female = random.Next(2) == 0;
        var given = faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var family = faker.Name.LastName();
        string[] aliases = random.Next(10) == 0 ? [$"{faker.Name.FirstName()} {family}"] : [];
        return Person.Create(new PersonDetails(PersonKind.Individual, given, family, null, null, born, null, female ? "female" : "male", null, "English", false, null,
            null, null, null, aliases, new AddressDetails(faker.Address.StreetAddress(), null, faker.Address.City(), faker.Address.ZipCode())), now, null);
    }
}
