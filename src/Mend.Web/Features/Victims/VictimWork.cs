using System.Security.Claims;
using System.Security.Cryptography;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Security;
using Mend.Web.Platform.Text;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Victims;

/// <summary>
/// Everything done with a victim, for the pages and the API alike: each use checks its input, loads
/// the victim through the case access rules, applies the entity's rule, and saves at the version the
/// user saw. Field errors are keyed by the input's camelCase property names; "" is the whole request.
/// </summary>
public sealed class VictimWork(MendDb db, CaseAccess access, FieldEncryption encryption, VictimSettings settings, AuditTrail audit, TimeProvider clock,
    HolidayCalendar holidays)
{
    public const int LongText = 4000;

    public sealed record StartInput(DetailsSource? Source, DateOnly? ReceivedOn, IReadOnlyList<EnhancedReasons>? Enhanced, Guid? OnBehalfOfPersonId);

    public sealed record DetailsInput(DetailsSource? Source, DateOnly? ReceivedOn, IReadOnlyList<EnhancedReasons>? Enhanced, ContactMethod? PreferredMethod,
        string? SafeTimes, IReadOnlyList<ContactMethod>? BlockedMethods, IReadOnlyList<long>? UnsafeAddressIds);

    public sealed record ChoiceInput(ChoiceKind? Kind, bool? Agreed, DateOnly? On, string? Note);

    public sealed record ContactInput(DateTime? At, ContactDirection? Direction, ContactMethod? Method, string? Via, ContactOutcome? Outcome, string? NextStep, long? AddressId, bool TimeRecorded = true);

    public sealed record DecisionInput(bool? Appropriate, string? Reasons, DateOnly? On);

    public sealed record RecordInput(RecordKind? Kind, DateOnly? On, string? Detail, string? To, RjResponse? Response, ContactMethod? Method, string? LateReason);

    public sealed record ViewsInput(DecisionMaker? DecisionMaker, string? Views, bool? WantsToAttend, string? RepresentedBy, DateOnly? On);

    public sealed record ShareInput(long? ViewsId, string? SharedWith, DateOnly? On);

    public sealed record SurveyInput(int? Satisfaction, bool? FeltListenedTo, bool? WouldRecommend, string? Comments);

    /// <summary>The victim, their case and person, as the user may see them.</summary>
    /// <summary>What a victim's work needs: the case, the person, their record, today (UK) and the working days in force.</summary>
    public sealed record Loaded(Case Case, Person Person, ParticipantRole Role, Victim? Victim, DateOnly Today, WorkingDays Days);

    /// <summary>A survey link made: the victim's record as saved, and the link (returned once; only its hash is kept).</summary>
    public sealed record SurveyLinkMade(Victim Victim, string Link);

    public DateOnly Today => clock.LondonToday();

    public VictimSettings Settings => settings;

    public async Task<Loaded?> LoadAsync(ClaimsPrincipal user, Guid caseId, Guid personId, bool tracked, CancellationToken ct)
    {
        var @case = await access.VisibleCases(user).AsNoTracking().Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        var participant = @case?.Participants.Where(p => p.PersonId == personId && p.EndedAt is null && p.Role is ParticipantRole.Victim or ParticipantRole.ParentOrCarer)
            .OrderBy(p => p.Role).FirstOrDefault();
        if (@case is null || participant is null)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Include(p => p.Addresses).Include(p => p.Flags).AsSplitQuery().SingleAsync(p => p.Id == personId, ct);
        var victims = tracked ? db.Victims : db.Victims.AsNoTracking();
        var victim = await victims.AsSplitQuery().SingleOrDefaultAsync(v => v.CaseId == caseId && v.PersonId == personId, ct);
        return new Loaded(@case, person, participant.Role, victim, Today, await holidays.CurrentAsync(db, ct));
    }

    /// <summary>Each entitlement's deadline and state for this victim.</summary>
    public IReadOnlyList<EntitlementStatus> EntitlementsOf(Loaded loaded) =>
        loaded.Victim is null ? [] : Entitlements.For(loaded.Days, loaded.Victim, loaded.Case.Jurisdiction, ClosedOn(loaded.Case), settings, loaded.Today);

    public static DateOnly? ClosedOn(Case @case) => @case.ClosedAt is { } closed ? London.DateOf(closed) : null;

    public async Task<Outcome<Victim>> StartAsync(ClaimsPrincipal user, Guid caseId, Guid personId, StartInput input, CancellationToken ct)
    {
        var loaded = await LoadAsync(user, caseId, personId, tracked: true, ct);
        if (loaded is null)
        {
            return Outcome<Victim>.NotFound();
        }

        var errors = new Dictionary<string, string>();
        if (loaded.Victim is not null)
        {
            errors[""] = "This victim's record has already been started";
        }

        CheckSource(errors, input.Source, input.ReceivedOn, loaded);
        if (loaded.Role == ParticipantRole.ParentOrCarer)
        {
            var child = input.OnBehalfOfPersonId is { } childId ? loaded.Case.Participants.FirstOrDefault(p => p.PersonId == childId && p.Role == ParticipantRole.Victim && p.EndedAt is null) : null;
            var childAge = child is null ? null : (await db.People.AsNoTracking().SingleAsync(p => p.Id == child.PersonId, ct)).AgeOn(loaded.Today);
            if (child is null)
            {
                errors["onBehalfOfPersonId"] = "Choose the young victim this parent or carer is receiving the service for";
            }
            else if (childAge is not < 18)
            {
                errors["onBehalfOfPersonId"] = "Parents and carers receive the service only for a victim under 18";
            }
            else if (loaded.Case.Participants.Any(p => p.PersonId == personId && p.Role == ParticipantRole.YoungPerson))
            {
                errors["onBehalfOfPersonId"] = "A parent or carer who is the young person responsible in this case cannot receive the victim's service";
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<Victim>.Invalid(errors);
        }

        var onBehalfOf = loaded.Role == ParticipantRole.ParentOrCarer ? input.OnBehalfOfPersonId : null;
        var ageAtOffence = await AgeAtOffenceAsync(caseId, onBehalfOf ?? personId, input.ReceivedOn!.Value, ct);
        var age = onBehalfOf is { } young ? await AgeOnAsync(young, loaded.Today, ct) : loaded.Person.AgeOn(loaded.Today);
        var victim = Victim.Start(caseId, personId, onBehalfOf, input.Source!.Value, input.ReceivedOn!.Value,
            Combine(input.Enhanced), age, ageAtOffence, clock.GetUtcNow().UtcDateTime);
        db.Victims.Add(victim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Victim>.Invalid(new Dictionary<string, string> { [""] = "Someone else has just started this victim's record. Open it again to carry on" });
        }

        return Outcome<Victim>.Done(victim);
    }

    /// <summary>
    /// How old the person the service is for (the victim, or the child a parent or carer receives it for) can have been
    /// at the offence: the earliest offence on the case that harmed them, else the case's earliest offence, else the day
    /// their details were received (<paramref name="fallback"/>). Null when no age is known.
    /// </summary>
    private async Task<AgeRange?> AgeAtOffenceAsync(Guid caseId, Guid victimPersonId, DateOnly fallback, CancellationToken ct)
    {
        var offences = await db.Offences.AsNoTracking().Where(o => o.CaseId == caseId)
            .Select(o => new { o.CommittedOn, Harmed = o.Victims.Any(v => v.PersonId == victimPersonId) }).ToListAsync(ct);
        var on = offences.Where(o => o.Harmed).Select(o => (DateOnly?)o.CommittedOn).Min()
            ?? offences.Select(o => (DateOnly?)o.CommittedOn).Min()
            ?? fallback;
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == victimPersonId, ct);
        return person?.AgeRangeOn(on);
    }

    /// <summary>
    /// The age now of the person the victim's service is for: a parent or carer's record keeps the young victim's age band,
    /// since that is whom it counts when the rest is removed.
    /// </summary>
    private async Task<int?> AgeOnAsync(Guid personId, DateOnly today, CancellationToken ct) =>
        (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct))?.AgeOn(today);

    public async Task<Outcome<Victim>> ChangeDetailsAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, DetailsInput input, CancellationToken ct)
    {
        var onBehalfOf = await db.Victims.AsNoTracking().Where(v => v.CaseId == caseId && v.PersonId == personId).Select(v => v.OnBehalfOfPersonId).FirstOrDefaultAsync(ct);
        var ageAtOffence = input.ReceivedOn is { } received ? await AgeAtOffenceAsync(caseId, onBehalfOf ?? personId, received, ct) : null;
        var youngVictimAge = onBehalfOf is { } young ? await AgeOnAsync(young, clock.LondonToday(), ct) : null;
        return await ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            CheckSource(errors, input.Source, input.ReceivedOn, loaded);
            Length(errors, "safeTimes", input.SafeTimes, 500);
            var addressIds = input.UnsafeAddressIds ?? [];
            if (addressIds.Any(id => loaded.Person.Addresses.All(a => a.Id != id)))
            {
                errors["unsafeAddressIds"] = "Choose addresses from the victim's record";
            }

            if (input.PreferredMethod is { } preferred && (input.BlockedMethods ?? []).Contains(preferred))
            {
                errors["preferredMethod"] = "The preferred way of contact cannot also be one that must not be used";
            }

            if (errors.Count == 0)
            {
                loaded.Person.RequireNotRestricted(clock.GetUtcNow().UtcDateTime, "changed");
                victim.ChangeDetails(input.Source!.Value, input.ReceivedOn!.Value, Combine(input.Enhanced),
                    onBehalfOf is null ? loaded.Person.AgeOn(loaded.Today) : youngVictimAge, ageAtOffence,
                    input.PreferredMethod, TextInput.Clean(input.SafeTimes), (input.BlockedMethods ?? []).Aggregate(ContactMethods.None, (all, m) => all | Words.AsFlag(m)),
                    addressIds);
            }
        });
    }

    public Task<Outcome<Victim>> ChoiceAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, ChoiceInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Require(errors, "kind", input.Kind, "Select which choice this is");
            Require(errors, "agreed", input.Agreed, "Select yes or no");
            Past(errors, "on", input.On, loaded.Today, "the date they made the choice");
            Length(errors, "note", input.Note, 500);
            if (errors.Count == 0)
            {
                victim.RecordChoice(input.Kind!.Value, input.Agreed!.Value, input.On!.Value, TextInput.Clean(input.Note), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Victim>> DeclineAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, DateOnly? on, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Past(errors, "on", on, loaded.Today, "the date they declined");
            if (errors.Count == 0)
            {
                victim.DeclineService(on!.Value, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Victim>> ReturnToServiceAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (_, victim, _) => victim.ReturnToService(user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));

    public Task<Outcome<Victim>> ContactAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, ContactInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Require(errors, "direction", input.Direction, "Select whether we contacted them or they contacted us");
            Require(errors, "method", input.Method, "Select how");
            Require(errors, "outcome", input.Outcome, "Select what happened");
            if (input.At is null)
            {
                errors["at"] = "Enter when it happened";
            }
            else if (input.At > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            {
                errors["at"] = "When it happened must be now or in the past";
            }

            Length(errors, "via", input.Via, 200);
            Length(errors, "nextStep", input.NextStep, 1000);
            if (input.AddressId is { } addressId && loaded.Person.Addresses.All(a => a.Id != addressId))
            {
                errors["addressId"] = "Choose an address from the victim's record";
            }

            if (errors.Count == 0)
            {
                victim.RecordContact(new ContactDetails(input.At!.Value, input.Direction!.Value, input.Method!.Value, TextInput.Clean(input.Via), input.Outcome!.Value,
                    TextInput.Clean(input.NextStep), input.AddressId, input.TimeRecorded), DoNotContactDirectly(loaded.Person), user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Victim>> DecideAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, DecisionInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Require(errors, "appropriate", input.Appropriate, "Select whether it is appropriate to invite the victim into a restorative process");
            if (string.IsNullOrWhiteSpace(input.Reasons))
            {
                errors["reasons"] = "Enter the reasons for the decision";
            }

            Length(errors, "reasons", input.Reasons, LongText);
            Past(errors, "on", input.On, loaded.Today, "the date of the decision");
            if (errors.Count == 0)
            {
                victim.DecideInvitation(input.Appropriate!.Value, input.Reasons!, input.On!.Value, encryption, user.DisplayNameOf());
            }
        });

    public Task<Outcome<Victim>> RecordAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, RecordInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Require(errors, "kind", input.Kind, "Select what is being recorded");
            Past(errors, "on", input.On, loaded.Today, "the date");
            Length(errors, "detail", input.Detail, LongText);
            Length(errors, "to", input.To, 200);
            Length(errors, "lateReason", input.LateReason, 1000);
            if (input.Kind == RecordKind.RjInformation && input.Response is null)
            {
                errors["response"] = "Select the victim's answer to the offer";
            }

            if (input.Kind == RecordKind.SupportReferral && string.IsNullOrWhiteSpace(input.To))
            {
                errors["to"] = "Enter the service they were referred to";
            }

            if (errors.Count > 0)
            {
                return;
            }

            var due = Entitlements.DueFor(input.Kind!.Value, EntitlementsOf(loaded with { Victim = victim }));
            if (due is { } d && input.On > d && string.IsNullOrWhiteSpace(input.LateReason))
            {
                errors["lateReason"] = $"This was due by {Words.Date(d)}. Say why it was late";
                return;
            }

            victim.Record(new RecordDetails(input.Kind.Value, input.On!.Value, TextInput.Clean(input.Detail), TextInput.Clean(input.To), input.Response, input.Method,
                TextInput.Clean(input.LateReason)), due, encryption, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
        });

    public Task<Outcome<Victim>> ViewsAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, ViewsInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            Require(errors, "decisionMaker", input.DecisionMaker, "Select who the views are for");
            if (string.IsNullOrWhiteSpace(input.Views))
            {
                errors["views"] = "Enter what the victim wants the decision-maker to know";
            }

            Length(errors, "views", input.Views, LongText);
            Require(errors, "wantsToAttend", input.WantsToAttend, "Select whether the victim wants to attend");
            Length(errors, "representedBy", input.RepresentedBy, 200);
            Past(errors, "on", input.On, loaded.Today, "the date the views were given");
            if (errors.Count == 0)
            {
                victim.RecordViews(input.DecisionMaker!.Value, input.Views!, input.WantsToAttend!.Value, TextInput.Clean(input.RepresentedBy), input.On!.Value,
                    encryption, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
            }
        });

    public Task<Outcome<Victim>> ShareAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, ShareInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (loaded, victim, errors) =>
        {
            var views = victim.Views.FirstOrDefault(v => v.Id == input.ViewsId);
            if (views is null)
            {
                errors["viewsId"] = "Choose which views were shared";
            }

            if (string.IsNullOrWhiteSpace(input.SharedWith))
            {
                errors["sharedWith"] = "Enter who the views were shared with";
            }

            Length(errors, "sharedWith", input.SharedWith, 300);
            Past(errors, "on", input.On, loaded.Today, "the date they were shared");
            if (errors.Count == 0)
            {
                loaded.Person.RequireNotRestricted(clock.GetUtcNow().UtcDateTime, "shared");
            }

            if (errors.Count == 0)
            {
                victim.ShareViews(views!, input.SharedWith!, input.On!.Value, user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime);
                audit.Record(AuditAction.Disclosure, nameof(Victim), victim.Id.ToString(), subjectPersonId: victim.PersonId,
                    purpose: $"Victim's views shared with {input.SharedWith!.Trim()}");
                db.Disclosures.Add(DataProtection.Disclosure.Record(victim.PersonId, victim.CaseId, DataProtection.DisclosureKind.VictimsViews, "Victim's views",
                    input.SharedWith!, null, input.On!.Value, $"Victim:{victim.Id}", user.DisplayNameOf(), clock.GetUtcNow().UtcDateTime));
            }
        });

    public Task<Outcome<Victim>> SurveyAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, SurveyInput input, CancellationToken ct) =>
        ChangeAsync(user, caseId, personId, version, ct, (_, victim, errors) =>
        {
            CheckSurvey(errors, input);
            if (errors.Count == 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var survey = victim.StartSurvey(null, null, now);
                db.SatisfactionSurveys.Add(survey);
                survey.Complete(input.Satisfaction!.Value, input.FeltListenedTo!.Value, input.WouldRecommend!.Value, input.Comments, byVictim: false, encryption, now);
            }
        });

    /// <summary>Makes a single-use survey link; the link is returned once and only its hash is kept.</summary>
    public async Task<Outcome<SurveyLinkMade>> SurveyLinkAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, CancellationToken ct)
    {
        var token = LinkTokens.New();
        var result = await ChangeAsync(user, caseId, personId, version, ct, (_, victim, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.SatisfactionSurveys.Add(victim.StartSurvey(LinkTokens.Hash(token), now.AddDays(settings.SurveyLinkDays), now));
        });
        return result.Map(victim => new SurveyLinkMade(victim, "/Survey/" + token));
    }

    /// <summary>A random, URL-safe token for a single-use link.</summary>


    /// <summary>Checks survey answers; <paramref name="victimVoice"/> words the messages for the victim answering themselves.</summary>
    public static void CheckSurvey(Dictionary<string, string> errors, SurveyInput input, bool victimVoice = false)
    {
        var (who, were) = victimVoice ? ("you", "you are") : ("they", "they were");
        if (input.Satisfaction is not (>= 1 and <= 5))
        {
            errors["satisfaction"] = $"Select how satisfied {were}";
        }

        Require(errors, "feltListenedTo", input.FeltListenedTo, $"Select whether {who} felt listened to");
        Require(errors, "wouldRecommend", input.WouldRecommend, $"Select whether {who} would recommend restorative justice to others");
        Length(errors, "comments", input.Comments, LongText);
    }

    public static bool DoNotContactDirectly(Person person) => person.Flags.Any(f => f.IsActive && f.Type == FlagType.DoNotContactDirectly);

    private async Task<Outcome<Victim>> ChangeAsync(ClaimsPrincipal user, Guid caseId, Guid personId, int version, CancellationToken ct,
        Action<Loaded, Victim, Dictionary<string, string>> change)
    {
        var loaded = await LoadAsync(user, caseId, personId, tracked: true, ct);
        if (loaded?.Victim is not { } found)
        {
            return Outcome<Victim>.NotFound();
        }

        // The record just loaded (tracked, so this returns the same instance) by the one change routine.
        return await VersionedChange.RunAsync(db, db.Victims.Where(v => v.Id == found.Id), version, (victim, errors) =>
        {
            change(loaded, victim, errors);
            victim.Touch(clock.GetUtcNow().UtcDateTime);
        }, Victim.StaleMessage, ct);
    }

    private void CheckSource(Dictionary<string, string> errors, DetailsSource? source, DateOnly? receivedOn, Loaded loaded)
    {
        Require(errors, "source", source, "Select how the victim's details reached the service");
        Past(errors, "receivedOn", receivedOn, loaded.Today, "the date the details were received");
        if (receivedOn is { } on && (on.Year < WorkingDays.FirstYear || on < loaded.Case.ReferralReceivedOn.AddYears(-2)))
        {
            errors["receivedOn"] = "Date the details were received is too long before the referral; check it";
        }
    }

    private static EnhancedReasons Combine(IReadOnlyList<EnhancedReasons>? reasons) => (reasons ?? []).Aggregate(EnhancedReasons.None, (all, r) => all | r);

    private static void Require<T>(Dictionary<string, string> errors, string key, T? value, string message) where T : struct
    {
        if (value is null)
        {
            errors[key] = message;
        }
    }

    private static void Past(Dictionary<string, string> errors, string key, DateOnly? day, DateOnly today, string what)
    {
        if (errors.ContainsKey(key))
        {
            return;
        }

        if (day is null)
        {
            errors[key] = $"Enter {what}";
        }
        else if (day > today)
        {
            errors[key] = $"{char.ToUpperInvariant(what[0])}{what[1..]} must be today or in the past";
        }
        else if (day.Value.Year < WorkingDays.FirstYear)
        {
            // Deadlines are counted from these dates, and the holiday lists start in 2020.
            errors[key] = $"{char.ToUpperInvariant(what[0])}{what[1..]} must be in {WorkingDays.FirstYear} or later";
        }
    }

    private static void Length(Dictionary<string, string> errors, string key, string? text, int max)
    {
        if (text?.Trim().Length > max && !errors.ContainsKey(key))
        {
            errors[key] = $"Must be {max:N0} characters or fewer";
        }
    }
}
