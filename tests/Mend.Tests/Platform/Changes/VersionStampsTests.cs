using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Platform.Changes;

/// <summary>
/// The version of a record moves with every change to it, whoever makes it: explicitly at a save at the version a
/// user read, and by <see cref="Mend.Web.Platform.Changes.VersionStamps"/> for any other save; bookkeeping (the last
/// activity on a case) moves neither the version nor the audit trail.
/// </summary>
public sealed class VersionStampsTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private async Task<Guid> CaseAsync()
    {
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        return (await AssessmentCase.CreateAsync(factory, client)).CaseId;
    }

    private Task<int> VersionAsync(Guid caseId) => factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    [Fact]
    public async Task AChangeSavedOutsideTheChangeRoutine_MovesTheVersion_ByOne()
    {
        var caseId = await CaseAsync();
        var before = await VersionAsync(caseId);

        await factory.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == caseId)).SetRisk(RiskLevel.High, null, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before + 1, await VersionAsync(caseId));
    }

    [Fact]
    public async Task Bookkeeping_MovesNeitherTheVersionNorTheAuditTrail()
    {
        var caseId = await CaseAsync();
        var before = await VersionAsync(caseId);
        var audited = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == caseId.ToString()));

        await factory.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == caseId)).Touch(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before, await VersionAsync(caseId));
        Assert.Equal(audited, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == caseId.ToString())));
    }

    [Fact]
    public async Task SavingAtTheVersionRead_MovesIt_AndAStaleSaveIsRefused_SavingNothing()
    {
        var caseId = await CaseAsync();
        var read = await VersionAsync(caseId);

        Assert.True(await factory.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == caseId)).SetRisk(RiskLevel.Medium, null, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveAtVersionAsync(await db.Cases.SingleAsync(c => c.Id == caseId), read, default);
        }));
        Assert.False(await factory.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == caseId)).SetRisk(RiskLevel.Low, null, factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveAtVersionAsync(await db.Cases.SingleAsync(c => c.Id == caseId), read, default);
        }));

        Assert.Equal(read + 1, await VersionAsync(caseId));
        Assert.Equal(RiskLevel.Medium, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.RiskLevel).SingleAsync()));
    }
}
