using Mend.Web.Features.Orders;
using Mend.Web.Platform.Api;
using Mend.Web.Platform.Auth;

namespace Mend.Web.Features.Partners;

/// <summary>The partner directory through the API, read-only.</summary>
public static class DirectoryApi
{
    public sealed record ContactResource(string Name, string? Role, string? Phone, string? Email);

    public sealed record PartnerResource(int Id, string Name, PartnerSector? Sector, string Services, string? Address, string? ContactName, string? Phone, string? Email,
        IReadOnlyList<ContactResource> Contacts, bool Active);

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/partners", async (string? q, PartnerSector? sector, PartnerDirectory directory, CancellationToken ct) =>
                q?.Length > PartnerDirectory.MaxQueryLength
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"Search for {PartnerDirectory.MaxQueryLength} characters or fewer"] })
                    : Results.Ok((await directory.SearchAsync(q, sector, ct)).Select(Resource).ToList()))
            .WithTags("Partners").WithName("PartnerDirectory").WithSummary("Partners in use whose name or services contain q (up to 100 characters), of a sector when given; at most 200, by name")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<List<PartnerResource>>().ProducesValidationProblem();

        v1.MapGet("/partners/{id:int}", async (int id, PartnerDirectory directory, CancellationToken ct) =>
                await directory.OneAsync(id, ct) is { } partner ? Results.Ok(Resource(partner)) : Results.Problem(statusCode: 404, title: "There is no partner with that id."))
            .WithTags("Partners").WithName("Partner").WithSummary("One partner with its contacts")
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner, Roles.Manager).RequireScope(ApiScopes.ReadCases))
            .Produces<PartnerResource>().ProducesProblem(404);
    }

    private static PartnerResource Resource(PartnerAgency p) => new(p.Id, p.Name, p.Sector, p.Services, p.Address, p.ContactName, p.Phone, p.Email,
        p.Contacts.Select(c => new ContactResource(c.Name, c.Role, c.Phone, c.Email)).ToList(), p.IsActive);
}
