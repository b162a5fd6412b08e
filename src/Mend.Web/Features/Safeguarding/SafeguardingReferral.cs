using Mend.Web.Platform;
using Mend.Web.Platform.Changes;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Safeguarding;

/// <summary>Where a safeguarding referral goes.</summary>
public enum SafeguardingAgency
{
    /// <summary>Children's social care (England and Wales), or Jersey's Children's Social Work service.</summary>
    ChildrensServices,
    AdultSocialCare,

    /// <summary>A multi-agency safeguarding hub (MASH), the single front door in many areas.</summary>
    Mash,
    Police,
    Other,
}

/// <summary>What the agency said it would do.</summary>
public enum SafeguardingResponse
{
    /// <summary>Accepted for an assessment or enquiry (a Children Act 1989 s.17/s.47 assessment, a Care Act 2014 s.42 enquiry).</summary>
    AcceptedForAssessment,
    StrategyMeeting,
    SignpostedElsewhere,
    NoFurtherAction,
    Other,
}

public static class SafeguardingWords
{
    public static string Describe(SafeguardingAgency agency) => agency switch
    {
        SafeguardingAgency.ChildrensServices => "Children's social care",
        SafeguardingAgency.AdultSocialCare => "Adult social care",
        SafeguardingAgency.Mash => "Multi-agency safeguarding hub (MASH)",
        SafeguardingAgency.Police => "Police",
        _ => "Another agency",
    };

    public static string Describe(SafeguardingResponse response) => response switch
    {
        SafeguardingResponse.AcceptedForAssessment => "Accepted for assessment or enquiry",
        SafeguardingResponse.StrategyMeeting => "Strategy meeting or discussion called",
        SafeguardingResponse.SignpostedElsewhere => "Signposted to another service",
        SafeguardingResponse.NoFurtherAction => "No further action",
        _ => "Another response",
    };
}

/// <summary>
/// A referral of a child or an adult at risk to children's or adult social care, a multi-agency safeguarding hub or the
/// police: when, why (encrypted), who referred, to whom, and when to chase if nothing comes back; then the response. It
/// stays open, on the follow-ups list, until a response is recorded with no further follow-up. Making one raises a
/// "safeguarding concern" warning on the person (unless they have one), naming the referral, so anyone who opens them sees it.
/// </summary>
public sealed class SafeguardingReferral : IVersioned, Platform.Audit.IPersonalData
{
    public const int AgencyNameLength = 200;
    public const int ReasonLength = 4000;
    public const int ResponseLength = 4000;

    /// <summary>The longest a follow-up may be put off: a referral is chased within four weeks at most.</summary>
    public const int LongestFollowUpDays = 28;

    Guid? Platform.Audit.IPersonalData.SubjectPersonId => PersonId;

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The case it arose on, when it did; the referral stays with the person if the case is disposed of.</summary>
    public Guid? CaseId { get; private set; }
    public DateOnly MadeOn { get; private set; }
    public SafeguardingAgency Agency { get; private set; }

    /// <summary>The team or organisation referred to, as named locally ("Exampletown MASH").</summary>
    public string AgencyName { get; private set; } = "";
    public string ReasonCiphertext { get; private set; } = "";
    public Guid ReferredById { get; private set; }
    public string ReferredByName { get; private set; } = "";

    /// <summary>The referrer's team: who sees a referral made about someone on no case (see SafeguardingReferrals.Visible).</summary>
    public Guid? TeamId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When to chase the agency, or check on what it did; null once closed.</summary>
    public DateOnly? FollowUpOn { get; private set; }
    public int TimesChased { get; private set; }
    public SafeguardingResponse? Response { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public string? ResponseCiphertext { get; private set; }
    public string? ResponseRecordedByName { get; private set; }

    public DateTime? ClosedAt { get; private set; }
    public int Version { get; set; }

    public bool IsOpen => ClosedAt is null;

    public sealed record Details(Guid? PersonId, Guid? CaseId, DateOnly? MadeOn, SafeguardingAgency? Agency, string? AgencyName, string? Reason, DateOnly? FollowUpOn);

    /// <summary>
    /// Every field refused for a new referral, by the API's field name, so a form shows all its errors at once: the date
    /// made today or before; who it went to; the agency's name at most 200 characters; a reason; a follow-up date on or
    /// after the day it was made and no more than <see cref="LongestFollowUpDays"/> days from today.
    /// </summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Check(string field, Action rule)
        {
            try
            {
                rule();
            }
            catch (DomainRuleException ex)
            {
                errors[field] = ex.Message;
            }
        }

        if (d.PersonId is null)
        {
            errors["personId"] = "Choose who the referral is about";
        }

        if (d.MadeOn is not { } made)
        {
            errors["madeOn"] = "Enter the date the referral was made";
        }
        else if (made > today)
        {
            errors["madeOn"] = "The date the referral was made must be today or in the past";
        }

        if (d.Agency is not { } agency || !Enum.IsDefined(agency))
        {
            errors["agency"] = "Choose who the referral went to";
        }

        if (TextInput.Clean(d.AgencyName) is { Length: > AgencyNameLength })
        {
            errors["agencyName"] = $"The agency's name must be {AgencyNameLength} characters or fewer";
        }

        var reason = TextInput.Clean(d.Reason);
        if (reason is null)
        {
            errors["reason"] = "Enter why the referral was made";
        }
        else if (reason.Length > ReasonLength)
        {
            errors["reason"] = $"The reason must be {ReasonLength} characters or fewer";
        }

        Check("followUpOn", () => CheckFollowUp(d.FollowUpOn, d.MadeOn ?? today, today, required: true));
        return errors;
    }

    /// <summary>A referral recorded, when <see cref="Problems"/> finds none.</summary>
    /// <exception cref="DomainRuleException">The first field refused, naming it.</exception>
    public static SafeguardingReferral Make(Details d, DateOnly today, FieldEncryption encryption, Guid byId, string byName, DateTime now, Guid? teamId = null)
    {
        if (Problems(d, today) is { Count: > 0 } problems)
        {
            var (field, message) = problems.First();
            throw new DomainRuleException(message, field);
        }

        var agency = d.Agency!.Value;
        return new SafeguardingReferral
        {
            Id = Guid.NewGuid(),
            PersonId = d.PersonId!.Value,
            CaseId = d.CaseId,
            MadeOn = d.MadeOn!.Value,
            Agency = agency,
            AgencyName = TextInput.Clean(d.AgencyName) ?? SafeguardingWords.Describe(agency),
            ReasonCiphertext = encryption.Encrypt(TextInput.Clean(d.Reason)!),
            ReferredById = byId,
            ReferredByName = byName,
            TeamId = teamId,
            CreatedAt = now,
            FollowUpOn = d.FollowUpOn,
        };
    }

    public string ReadReason(FieldEncryption encryption) => encryption.Decrypt(ReasonCiphertext);

    /// <summary>The person's record was merged into another: the referral follows the record kept.</summary>
    public void MoveTo(Guid personId) => PersonId = personId;

    public string? ReadResponse(FieldEncryption encryption) => ResponseCiphertext is null ? null : encryption.Decrypt(ResponseCiphertext);

    /// <summary>Chased and still waiting: the next follow-up date (after today, at most four weeks on).</summary>
    /// <exception cref="DomainRuleException">Closed already, or the date refused ("followUpOn").</exception>
    public void Chase(DateOnly? next, DateOnly today)
    {
        EnsureOpen();
        if (next is { } n && n <= today)
        {
            throw new DomainRuleException("The next follow-up must be after today", "followUpOn");
        }

        FollowUpOn = CheckFollowUp(next, MadeOn, today, required: true);
        TimesChased++;
    }

    /// <summary>
    /// The agency's response: what, when (on or after the referral, not in the future), notes; with a further follow-up
    /// date when someone must check on what was promised, or none to close the referral.
    /// </summary>
    /// <exception cref="DomainRuleException">Closed already, or a field refused: response, respondedOn, notes, followUpOn.</exception>
    public void RecordResponse(SafeguardingResponse? response, DateOnly? respondedOn, string? notes, DateOnly? followUpOn, DateOnly today,
        FieldEncryption encryption, string byName, DateTime now)
    {
        EnsureOpen();
        if (response is not { } what || !Enum.IsDefined(what))
        {
            throw new DomainRuleException("Choose what the agency decided", "response");
        }

        if (respondedOn is not { } on)
        {
            throw new DomainRuleException("Enter the date of the response", "respondedOn");
        }

        if (on < MadeOn || on > today)
        {
            throw new DomainRuleException("The response must be dated between the referral and today", "respondedOn");
        }

        var text = TextInput.Clean(notes);
        if (text is { Length: > ResponseLength })
        {
            throw new DomainRuleException($"The notes must be {ResponseLength} characters or fewer", "notes");
        }

        if (followUpOn is { } f && f <= today)
        {
            throw new DomainRuleException("A further follow-up must be after today", "followUpOn");
        }

        FollowUpOn = CheckFollowUp(followUpOn, on, today, required: false);
        Response = what;
        RespondedOn = on;
        ResponseCiphertext = text is null ? null : encryption.Encrypt(text);
        ResponseRecordedByName = byName;
        ClosedAt = FollowUpOn is null ? now : null;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This referral is closed: its response is recorded");
        }
    }

    private static DateOnly? CheckFollowUp(DateOnly? followUp, DateOnly notBefore, DateOnly today, bool required)
    {
        if (followUp is not { } f)
        {
            return required ? throw new DomainRuleException("Enter when to follow the referral up", "followUpOn") : null;
        }

        if (f < notBefore)
        {
            throw new DomainRuleException("The follow-up must be on or after the date of the referral", "followUpOn");
        }

        if (f > today.AddDays(LongestFollowUpDays))
        {
            throw new DomainRuleException($"Follow the referral up within {LongestFollowUpDays} days", "followUpOn");
        }

        return f;
    }
}

internal sealed class SafeguardingReferralModel : IEntityTypeConfiguration<SafeguardingReferral>
{
    public void Configure(EntityTypeBuilder<SafeguardingReferral> builder)
    {
        builder.ToTable("SafeguardingReferrals");
        builder.Property(r => r.Agency).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Response).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AgencyName).HasMaxLength(SafeguardingReferral.AgencyNameLength).IsOneLine();
        builder.Property(r => r.ReferredByName).HasMaxLength(200);
        builder.Property(r => r.ResponseRecordedByName).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.PersonId, r.MadeOn });
        builder.HasIndex(r => new { r.ClosedAt, r.FollowUpOn });
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.TeamId);
    }
}
