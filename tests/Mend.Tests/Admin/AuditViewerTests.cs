using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Admin;

public sealed class AuditViewerTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Export_WithoutAPurpose_IsRefused_WithOne_GivesCsvAndIsItselfAudited()
    {
        var dpo = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));

        var refused = await dpo.SubmitAsync("/Admin/Audit", [new("Purpose", "")], "/Admin/Audit?handler=Export");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(refused)).ErrorSummary());

        var export = await dpo.SubmitAsync("/Admin/Audit", [new("Purpose", "Quarterly lawfulness check")], "/Admin/Audit?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(nameof(AuditAction.SignIn), csv);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Export && e.Purpose == "Quarterly lawfulness check")));
    }
}
