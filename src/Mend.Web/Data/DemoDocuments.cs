using Mend.Web.Features.Documents;
using Mend.Web.Features.Orders;
using Mend.Web.Features.Victims;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Demo letters and reports, made through the same operations as the pages, as the demo practitioner: a first-contact
/// letter sent to a victim, a draft progress report for court, and a draft Parish Hall Enquiry report.
/// </summary>
public static class DemoDocuments
{
    public static async Task SeedAsync(IServiceProvider services, MendUser practitioner)
    {
        var db = services.GetRequiredService<MendDb>();
        if (await db.Documents.AnyAsync())
        {
            return;
        }

        var user = await services.GetRequiredService<IUserClaimsPrincipalFactory<MendUser>>().CreateAsync(practitioner);
        var produce = services.GetRequiredService<ProduceDocuments>();
        var templates = await produce.TemplatesForAsync(null, Features.Cases.Jurisdiction.EnglandAndWales, CancellationToken.None);
        var jersey = await produce.TemplatesForAsync(null, Features.Cases.Jurisdiction.Jersey, CancellationToken.None);
        int Template(IEnumerable<DocumentTemplate> list, string key) => list.Single(t => t.Key == key).Id;

        var victims = await db.Victims.AsSplitQuery().Where(v => v.MinimisedAt == null && v.DeclinedOn == null).ToListAsync();
        if (victims.FirstOrDefault(v => v.Agreed(ChoiceKind.Contact)) is { } victim)
        {
            var letter = await produce.MakeAsync(user, new ProduceDocuments.MakeInput(Template(templates, "victim-first-contact"), DocumentSubject.Victim, victim.Id),
                CancellationToken.None);
            if (letter.IsDone)
            {
                var name = letter.Value!.Title.Split(": ", 2).Last();
                var method = letter.Value.AddressId is null ? SendMethod.ByHand : SendMethod.Post;
                await produce.SendAsync(user, letter.Value.Id, letter.Value.Version, new ProduceDocuments.SendInput(method, name, null), CancellationToken.None);
            }
        }

        var orders = await db.Orders.AsNoTracking().Where(o => o.EndedOn == null).ToListAsync();
        if (orders.FirstOrDefault(o => o.Kind == DisposalKind.YouthRehabilitationOrder) is { } yro)
        {
            await produce.MakeAsync(user, new ProduceDocuments.MakeInput(Template(templates, "court-progress-report"), DocumentSubject.Order, yro.Id), CancellationToken.None);
        }

        if (orders.FirstOrDefault(o => o.Kind == DisposalKind.ParishHallDeferredDecision) is { } deferred)
        {
            await produce.MakeAsync(user, new ProduceDocuments.MakeInput(Template(jersey, "parish-hall-report"), DocumentSubject.Order, deferred.Id), CancellationToken.None);
        }
    }
}
