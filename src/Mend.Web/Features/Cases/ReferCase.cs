using System.Security.Claims;
using Mend.Web.Data;
using Mend.Web.Features.People;
using Mend.Web.Features.Staff;
using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Cases;

/// <summary>
/// Records a referral: opens a case in the Referred state with its own reference, the young person
/// as its first participant, and the first offence. Shared by the Refer page and the API.
/// </summary>
public sealed class ReferCase(MendDb db, CaseAccess access, CaseSettings settings, TimeProvider clock)
{
    public sealed class Request
    {
        public Guid YoungPersonId { get; set; }
        public ReferralSource? Source { get; set; }
        public DateOnly? ReceivedOn { get; set; }
        public string? ReferrerName { get; set; }
        public string? ReferrerOrganisation { get; set; }
        public string? Reason { get; set; }
        public Jurisdiction? Jurisdiction { get; set; }
        public int? OffenceTypeId { get; set; }
        public DateOnly? OffenceDate { get; set; }
        public string? OffenceLocation { get; set; }
        public string? OffenceDescription { get; set; }
    }

    /// <summary>The case opened for the referral, waiting for a decision; or invalid, each error under the request's property name.</summary>
    public async Task<Outcome<Case>> HandleAsync(Request request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var today = clock.LondonToday();
        var youngPerson = await access.VisiblePeople(user).AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.YoungPersonId, ct);
        if (youngPerson is null)
        {
            errors[nameof(Request.YoungPersonId)] = "Choose the young person from Mend's records";
        }
        else if (youngPerson.Kind != PersonKind.Individual)
        {
            errors[nameof(Request.YoungPersonId)] = "The young person must be a person, not an organisation";
        }

        if (request.Source is not { } source || !Enum.IsDefined(source))
        {
            errors[nameof(Request.Source)] = "Select where the referral came from";
        }

        if (request.ReceivedOn is not { } received)
        {
            errors[nameof(Request.ReceivedOn)] = "Enter the date the referral was received";
        }
        else if (received > today)
        {
            errors[nameof(Request.ReceivedOn)] = "Date received must be today or in the past";
        }

        Text(errors, nameof(Request.ReferrerName), request.ReferrerName, 200, "Referrer's name", required: "Enter the name of the person who made the referral");
        Text(errors, nameof(Request.ReferrerOrganisation), request.ReferrerOrganisation, 200, "Referrer's organisation");
        Text(errors, nameof(Request.Reason), request.Reason, 4000, "Reason for referral");
        Text(errors, nameof(Request.OffenceLocation), request.OffenceLocation, 300, "Where it happened");
        Text(errors, nameof(Request.OffenceDescription), request.OffenceDescription, 4000, "What happened");
        if (request.Jurisdiction is { } j && !Enum.IsDefined(j))
        {
            errors[nameof(Request.Jurisdiction)] = "Select England and Wales or Jersey";
        }

        var jurisdiction = request.Jurisdiction ?? settings.Jurisdiction;
        if (request.OffenceTypeId is not { } typeId || !await db.OffenceTypes.AnyAsync(t => t.Id == typeId && t.IsActive, ct))
        {
            errors[nameof(Request.OffenceTypeId)] = "Select the offence from the list";
        }

        if (request.OffenceDate is not { } offenceDate)
        {
            errors[nameof(Request.OffenceDate)] = "Enter the date of the offence";
        }
        else if (offenceDate > today)
        {
            errors[nameof(Request.OffenceDate)] = "Date of the offence must be today or in the past";
        }
        else if (request.ReceivedOn is { } receivedOn && offenceDate > receivedOn)
        {
            errors[nameof(Request.OffenceDate)] = "Date of the offence must be on or before the date the referral was received";
        }
        else if (youngPerson?.AgeRangeOn(offenceDate) is { } age)
        {
            var allowAdults = settings.AllowAdults || jurisdiction == Jurisdiction.Jersey;
            var statedOnly = youngPerson.DateOfBirth is null;
            if (age.Oldest < CaseSettings.MinimumAge)
            {
                errors[nameof(Request.OffenceDate)] = $"The young person was {age} at the offence; the age of criminal responsibility is {CaseSettings.MinimumAge}. Check the date of birth and the offence date";
            }
            else if (age.Youngest < CaseSettings.MinimumAge)
            {
                // Only an age was given, and on the offence date it could have been either side of the limit.
                errors[nameof(Request.OffenceDate)] = $"From the age given ({youngPerson.StatedAge} on {youngPerson.StatedAgeOn:d MMMM yyyy}), the young person was {age} at the offence, "
                    + $"and the age of criminal responsibility is {CaseSettings.MinimumAge}. Record their date of birth on their record first";
            }
            else if (age.Youngest > CaseSettings.MaximumYouthAge && !allowAdults)
            {
                errors[nameof(Request.OffenceDate)] = $"The young person was {age} at the offence. Youth justice cases are for children aged 10 to 17 at the offence";
            }
            else if (age.Oldest > CaseSettings.MaximumYouthAge && !allowAdults && statedOnly)
            {
                errors[nameof(Request.OffenceDate)] = $"From the age given ({youngPerson.StatedAge} on {youngPerson.StatedAgeOn:d MMMM yyyy}), the young person was {age} at the offence, "
                    + "and youth justice cases are for children aged 10 to 17 at the offence. Record their date of birth on their record first";
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<Case>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var teamId = user.TeamIdOf() ?? Team.DefaultId;
        var reference = await ClaimReferenceAsync(today.Year, ct);
        var @case = Case.Refer(reference,
            new ReferralDetails(request.Source!.Value, request.ReceivedOn!.Value, request.ReferrerName!.Trim(), TextInput.Clean(request.ReferrerOrganisation), TextInput.Clean(request.Reason)),
            teamId, jurisdiction, request.YoungPersonId, now);
        @case.AddOffence(new OffenceDetails(request.OffenceTypeId!.Value, request.OffenceDate!.Value, TextInput.Clean(request.OffenceLocation), TextInput.Clean(request.OffenceDescription), []), now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return Outcome<Case>.Done(@case);
    }

    /// <summary>
    /// Claims the next PREFIX-YEAR-NNNNN, after the referral has passed every check. The counter row is
    /// a concurrency token: when two referrals claim at once, the loser reads the counter again and
    /// takes the next number, so no two cases share a reference (the unique index is the last guard).
    /// A referral that then fails to save leaves a gap in the numbers, never a duplicate.
    /// </summary>
    private async Task<string> ClaimReferenceAsync(int year, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var counter = await db.CaseReferenceCounters.SingleOrDefaultAsync(c => c.Year == year, ct);
            if (counter is null)
            {
                counter = new CaseReferenceCounter { Year = year, LastNumber = 0 };
                db.CaseReferenceCounters.Add(counter);
            }

            counter.LastNumber++;
            try
            {
                await db.SaveChangesAsync(ct);
                return $"{settings.ReferencePrefix}-{year}-{counter.LastNumber:D5}";
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another referral took this number (or created the year's counter) first.
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }


    private static void Text(Dictionary<string, string> errors, string field, string? value, int max, string label, string? required = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null)
            {
                errors[field] = required;
            }
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"{label} must be {max} characters or fewer";
        }
    }
}
