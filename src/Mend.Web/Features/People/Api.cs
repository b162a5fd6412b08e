using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.People;

public static class PeopleApi
{
    public sealed record PersonResource(
        Guid Id, PersonKind Kind, string Name, string? GivenName, string? FamilyName, string? OrganisationName, string? ContactName,
        DateOnly? DateOfBirth, int? StatedAge, string? Gender, string? Ethnicity, string? PreferredLanguage, bool NeedsInterpreter,
        string? CommunicationNeeds, string? Phone, string? Email, string? SafeContactNotes, IReadOnlyList<string> Aliases,
        string? AddressLine1, string? AddressLine2, string? Town, string? Postcode, IReadOnlyList<FlagResource> Flags, int Version);

    public sealed record FlagResource(FlagType Type, string? Note, DateOnly? ReviewOn, string SetBy, DateTime SetAt);

    public sealed record SearchRequest(string? Name, DateOnly? DateOfBirth, string? Postcode, string? CaseReference, int? Page);

    public sealed record SearchRow(Guid Id, bool Restricted, string Name, DateOnly? DateOfBirth, string? Postcode, double Score);

    public sealed record SearchResults(IReadOnlyList<SearchRow> Items, int Total, int PageNumber, int PageSize);

    public static void Map(RouteGroupBuilder v1)
    {
        var people = v1.MapGroup("/people").WithTags("People");

        people.MapGet("/{id:guid}", async (Guid id, HttpContext http, MendDb db, CaseAccess access, AuditTrail audit, CancellationToken ct) =>
            {
                var person = await access.VisiblePeople(http.User).AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
                if (person is null)
                {
                    return Results.Problem(statusCode: 404, title: "There is no person with that id that you can see.");
                }

                audit.Record(AuditAction.View, nameof(Person), id.ToString(), subjectPersonId: id, purpose: Person.ViewPurpose);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, person.Version);
                return Results.Ok(ToResource(person));
            })
            .WithName("GetPerson").WithSummary("A person's record, with an ETag for changing it")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<PersonResource>().ProducesProblem(404);

        people.MapPost("/", async (PersonInput input, HttpContext http, MendDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var errors = input.Validate(London.DateOf(now), out var details);
                if (details is null)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var person = Person.Create(details, now, http.User.UserId());
                db.People.Add(person);
                await db.SaveChangesAsync(ct);
                ApiResults.SetETag(http, person.Version);
                return Results.Created($"/api/v1/people/{person.Id}", ToResource(person));
            })
            .WithName("CreatePerson").WithSummary("Adds a person (search first: the API does not stop duplicates)")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<PersonResource>(201).ProducesValidationProblem();

        people.MapPut("/{id:guid}", (Guid id, PersonInput input, HttpContext http, MendDb db, CaseAccess access, TimeProvider clock, CancellationToken ct) =>
                ApiChange.RunAsync(http, db, access.VisiblePeople(http.User).AsSplitQuery().IncludeSearchIndex().Where(p => p.Id == id),
                    person =>
                    {
                        var today = clock.LondonToday();
                        var errors = input.Validate(today, out var details);
                        if (details is not null)
                        {
                            try
                            {
                                person.RequireNotRestricted(clock.GetUtcNow().UtcDateTime, "changed");
                            }
                            catch (Platform.DomainRuleException ex)
                            {
                                return new Dictionary<string, string> { [""] = ex.Message };
                            }

                            person.Update(details, today);
                        }

                        return errors;
                    },
                    person => Results.Ok(ToResource(person)), ct))
            .WithName("UpdatePerson").WithSummary("Replaces a person's details; needs If-Match with the ETag you read")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.WriteCases))
            .Produces<PersonResource>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        // Search is a POST so names and dates of birth never appear in URLs or proxy logs.
        people.MapPost("/search", async (SearchRequest request, HttpContext http, PersonSearch search, AuditTrail audit, MendDb db, CancellationToken ct) =>
            {
                var criteria = new PersonSearch.Criteria(request.Name, request.DateOfBirth, request.Postcode, request.CaseReference);
                if (criteria.IsEmpty)
                {
                    return ApiResults.FieldErrors(new Dictionary<string, string> { ["Name"] = "Give a name, date of birth, postcode or case reference to search for" });
                }

                if (criteria.Errors() is { Count: > 0 } errors)
                {
                    return ApiResults.FieldErrors(errors);
                }

                var results = await search.SearchAsync(criteria, http.User, request.Page ?? 1, ct);
                audit.Record(AuditAction.View, "PersonSearch", fields: $"results:{results.Total}", purpose: Person.SearchPurpose);
                await db.SaveChangesAsync(ct);
                return Results.Ok(new SearchResults(
                    results.Rows.Select(r => new SearchRow(r.Id, r.Restricted, r.Name, r.DateOfBirth, r.Postcode, Math.Round(r.Score, 3))).ToList(),
                    results.Total, results.PageNumber, PersonSearch.PageSize));
            })
            .WithName("SearchPeople").WithSummary("Finds people by name (forgiving misspellings and nicknames), date of birth, postcode or case reference; best match first")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<SearchResults>().ProducesValidationProblem();
    }

    private static PersonResource ToResource(Person p) => new(
        p.Id, p.Kind, p.DisplayName, p.GivenName, p.FamilyName, p.OrganisationName, p.ContactName, p.DateOfBirth, p.StatedAge,
        p.Gender, p.Ethnicity, p.PreferredLanguage, p.NeedsInterpreter, p.CommunicationNeeds, p.Phone, p.Email, p.SafeContactNotes,
        p.Aliases.Select(a => a.Name).ToList(), p.CurrentAddress?.Line1, p.CurrentAddress?.Line2, p.CurrentAddress?.Town, p.CurrentAddress?.Postcode,
        p.Flags.Where(f => f.IsActive).Select(f => new FlagResource(f.Type, f.Note, f.ReviewOn, f.SetByName, f.SetAt)).ToList(), p.Version);
}
