using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Admin;

public sealed class OffenceTypesTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Add_WithoutAGravityScore_IsRefused_ThenRetire_HidesItFromNewReferrals()
    {
        var admin = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Administrator]));
        var name = "Fly-tipping " + Guid.NewGuid().ToString("N")[..5];

        var refused = await admin.SubmitAsync("/Admin/OffenceTypes", ("Input.Name", name), ("Input.Category", "Environment"));
        Assert.Contains("Select a gravity score from 1 to 8", (await Html.ParseAsync(refused)).ErrorSummary());

        var added = await admin.SubmitAsync("/Admin/OffenceTypes", ("Input.Name", name), ("Input.Category", "Environment"), ("Input.GravityScore", "2"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

        var retired = await admin.SubmitAsync($"/Admin/OffenceTypes/Edit/{id}", ("Input.Name", name), ("Input.Category", "Environment"), ("Input.GravityScore", "3"));
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var saved = await factory.WithDbAsync(db => db.OffenceTypes.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.False(saved.IsActive);
        Assert.Equal(3, saved.GravityScore);
    }
}
