using Mend.Web.Features.Staff;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Data;

/// <summary>
/// Demo register entries: the practitioner's DBS check, CPD and safeguarding training (due for renewal within the month,
/// so the register has something to show), and the volunteer's panel training and DBS check, so they can sit on a panel.
/// Certificate numbers are made up.
/// </summary>
public static class DemoStaff
{
    public static async Task SeedAsync(MendDb db, UserManager<MendUser> users, FieldEncryption encryption, TimeProvider clock, string emailDomain)
    {
        if (await db.TrainingRecords.AnyAsync() || await db.DbsChecks.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);
        if (await users.FindByEmailAsync($"practitioner@{emailDomain}") is { } practitioner)
        {
            practitioner.PractitionerLevel = PractitionerLevel.Intermediate;
            db.DbsChecks.Add(DbsCheck.Record(practitioner.Id, new(DbsLevel.EnhancedWithBarredList, "000000000101", today.AddYears(-2), true, today.AddYears(1)), today, encryption, "Demo data", now));
            db.TrainingRecords.Add(TrainingRecord.Record(practitioner.Id, new(TrainingKind.Safeguarding, "Safeguarding children and young people", "Exampletown Safeguarding Partnership", 2,
                today.AddYears(-3).AddDays(20), today.AddDays(20), 3m, false), today, "Demo data", now));
            db.TrainingRecords.Add(TrainingRecord.Record(practitioner.Id, new(TrainingKind.Cpd, "Skill-sharing forum: shuttle RJ", "Restorative Justice Council", null,
                today.AddMonths(-2), null, 4m, true), today, "Demo data", now));
        }

        if (await users.FindByEmailAsync($"volunteer@{emailDomain}") is { } volunteer)
        {
            db.DbsChecks.Add(DbsCheck.Record(volunteer.Id, new(DbsLevel.EnhancedWithBarredList, "000000000102", today.AddMonths(-6), false, today.AddYears(3)), today, encryption, "Demo data", now));
            db.TrainingRecords.Add(TrainingRecord.Record(volunteer.Id, new(TrainingKind.PanelMember, "Referral order panel member training", "Exampletown YOT", null,
                today.AddMonths(-5), null, 12m, false), today, "Demo data", now));
        }

        await db.SaveChangesAsync();
    }
}
