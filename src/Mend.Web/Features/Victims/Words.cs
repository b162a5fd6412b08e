using System.Globalization;

namespace Mend.Web.Features.Victims;

/// <summary>How victims' values read on pages and in messages.</summary>
public static class Words
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", EnGb);

    public static ContactMethods AsFlag(ContactMethod method) => (ContactMethods)(1 << (int)method);

    public static string Describe(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone",
        ContactMethod.Letter => "Letter",
        ContactMethod.Email => "Email",
        ContactMethod.Text => "Text message",
        ContactMethod.Visit => "Home visit",
        ContactMethod.Meeting => "Meeting",
        _ => method.ToString(),
    };

    public static string Describe(DetailsSource source) => source switch
    {
        DetailsSource.PolicePassedDetails => "Police passed on their details",
        DetailsSource.SelfReferral => "The victim contacted us",
        DetailsSource.OtherAgency => "Another agency referred them",
        _ => source.ToString(),
    };

    public static string Describe(EnhancedReasons reason) => reason switch
    {
        EnhancedReasons.ChildAtOffence => "Under 18 at the time of the offence",
        EnhancedReasons.MostSeriousCrime => "Victim of the most serious crime",
        EnhancedReasons.PersistentlyTargeted => "Persistently targeted",
        EnhancedReasons.VulnerableOrIntimidated => "Vulnerable or intimidated",
        _ => reason.ToString(),
    };

    public static string Describe(ChoiceKind kind) => kind switch
    {
        ChoiceKind.Contact => "To be contacted by the service",
        ChoiceKind.TakePartInRj => "To take part in restorative justice",
        ChoiceKind.ShareViews => "To have their views shared with the decision-maker",
        ChoiceKind.KeptInformed => "To be kept informed of the case's progress",
        ChoiceKind.SatisfactionSurvey => "To receive a satisfaction survey",
        _ => kind.ToString(),
    };

    public static string Describe(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Spoke => "Spoke to them",
        ContactOutcome.NoAnswer => "No answer",
        ContactOutcome.LeftMessage => "Left a message",
        ContactOutcome.Sent => "Sent",
        ContactOutcome.Met => "Met them",
        ContactOutcome.Other => "Other",
        _ => outcome.ToString(),
    };

    public static string Describe(RecordKind kind) => kind switch
    {
        RecordKind.RjInformation => "Restorative justice explained and offered",
        RecordKind.SupportWanted => "Wants support",
        RecordKind.SupportReferral => "Referred to a support service",
        RecordKind.CompensationInformation => "Told about compensation",
        RecordKind.ProgressUpdate => "Told about the case's progress",
        RecordKind.ConclusionNotice => "Told the intervention has concluded",
        _ => kind.ToString(),
    };

    public static string Describe(RjResponse response) => response switch
    {
        RjResponse.Yes => "Yes",
        RjResponse.NotNow => "Not now",
        RjResponse.No => "No",
        _ => response.ToString(),
    };

    public static string Describe(DecisionMaker maker) => maker switch
    {
        DecisionMaker.ReferralOrderPanel => "Referral order panel",
        DecisionMaker.OutOfCourtDisposal => "Out-of-court disposal decision",
        DecisionMaker.Court => "Court",
        DecisionMaker.ParishHallEnquiry => "Parish Hall Enquiry",
        _ => maker.ToString(),
    };

    public static string Describe(Entitlement entitlement) => entitlement switch
    {
        Entitlement.RjInformation => "Information about restorative justice",
        Entitlement.SupportReferral => "Referral to support services",
        Entitlement.ProgressUpdate => "Updates on the case's progress",
        Entitlement.ConclusionNotice => "Told when the intervention concluded",
        _ => entitlement.ToString(),
    };
}
