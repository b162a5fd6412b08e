using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Orders;

/// <summary>
/// The disposals a youth justice service or the Jersey Probation and After-Care Service supervises: out-of-court
/// disposals and court orders in England and Wales, Parish Hall Enquiry outcomes and court orders in Jersey.
/// </summary>
public enum DisposalKind
{
    // England and Wales, out of court
    CommunityResolution,
    Outcome22,
    Outcome22DeferredProsecution,
    Outcome20Or21,
    YouthCaution,
    YouthConditionalCaution,

    // England and Wales, court
    ReferralOrder,
    YouthRehabilitationOrder,
    ReparationOrder,
    CustodyAndLicence,

    // Jersey, Parish Hall Enquiry
    ParishHallNoFurtherAction,
    ParishHallWrittenCaution,
    ParishHallDeferredDecision,
    ParishHallVoluntarySupervision,
    ParishHallReferralToCourt,

    // Jersey, court
    ProbationOrder,
    CommunityServiceOrder,
    BindingOver,
}

/// <summary>Why a disposal ended.</summary>
public enum EndReason
{
    Completed,
    Revoked,
    BreachedAndResentenced,
    Extended,
    Transferred,
    Died,
    Other,
}

/// <summary>How intensively an order is supervised; each level has its own minimum contacts (Mend:Orders).</summary>
public enum InterventionLevel
{
    Standard,
    Enhanced,
    Intensive,
}

/// <summary>The Jersey court that made an order; community service hours are limited by it.</summary>
public enum JerseyCourt
{
    YouthCourt,
    MagistratesCourt,
    RoyalCourt,
}

/// <summary>What Mend knows about each kind of disposal, in the words of its jurisdiction.</summary>
public sealed record DisposalInfo(DisposalKind Kind, Jurisdiction Jurisdiction, string Name, bool ByCourt, bool Supervised,
    int? ShortestMonths = null, int? LongestMonths = null, bool HasRequirements = false);

/// <summary>
/// The table of disposal kinds. Referral orders last 3 to 12 months (Sentencing Act 2020, s.83 and s.84); a Parish Hall
/// deferred decision has conditions and a date to return; out-of-court disposals are counted by the YJB's KPI 6.
/// </summary>
public static class DisposalKinds
{
    public static readonly IReadOnlyList<DisposalInfo> All =
    [
        new(DisposalKind.CommunityResolution, Jurisdiction.EnglandAndWales, "Community resolution", ByCourt: false, Supervised: true),
        new(DisposalKind.Outcome22, Jurisdiction.EnglandAndWales, "Outcome 22 (diversion)", ByCourt: false, Supervised: true),
        new(DisposalKind.Outcome22DeferredProsecution, Jurisdiction.EnglandAndWales, "Outcome 22 deferred prosecution", ByCourt: false, Supervised: true,
            HasRequirements: true),
        new(DisposalKind.Outcome20Or21, Jurisdiction.EnglandAndWales, "Outcome 20 or 21 with youth justice involvement", ByCourt: false, Supervised: true),
        new(DisposalKind.YouthCaution, Jurisdiction.EnglandAndWales, "Youth caution", ByCourt: false, Supervised: true),
        new(DisposalKind.YouthConditionalCaution, Jurisdiction.EnglandAndWales, "Youth conditional caution", ByCourt: false, Supervised: true,
            HasRequirements: true),
        new(DisposalKind.ReferralOrder, Jurisdiction.EnglandAndWales, "Referral order", ByCourt: true, Supervised: true, 3, 12, HasRequirements: true),
        new(DisposalKind.YouthRehabilitationOrder, Jurisdiction.EnglandAndWales, "Youth rehabilitation order", ByCourt: true, Supervised: true,
            HasRequirements: true),
        new(DisposalKind.ReparationOrder, Jurisdiction.EnglandAndWales, "Reparation within another order", ByCourt: true, Supervised: true,
            HasRequirements: true),
        new(DisposalKind.CustodyAndLicence, Jurisdiction.EnglandAndWales, "Custody and licence", ByCourt: true, Supervised: false),
        new(DisposalKind.ParishHallNoFurtherAction, Jurisdiction.Jersey, "Parish Hall Enquiry: no further action", ByCourt: false, Supervised: false),
        new(DisposalKind.ParishHallWrittenCaution, Jurisdiction.Jersey, "Parish Hall Enquiry: written caution", ByCourt: false, Supervised: false),
        new(DisposalKind.ParishHallDeferredDecision, Jurisdiction.Jersey, "Parish Hall Enquiry: deferred decision", ByCourt: false, Supervised: true,
            HasRequirements: true),
        new(DisposalKind.ParishHallVoluntarySupervision, Jurisdiction.Jersey, "Parish Hall Enquiry: voluntary supervision by probation", ByCourt: false,
            Supervised: true),
        new(DisposalKind.ParishHallReferralToCourt, Jurisdiction.Jersey, "Parish Hall Enquiry: referred to court", ByCourt: false, Supervised: false),
        new(DisposalKind.ProbationOrder, Jurisdiction.Jersey, "Probation order", ByCourt: true, Supervised: true, HasRequirements: true),
        new(DisposalKind.CommunityServiceOrder, Jurisdiction.Jersey, "Community service order", ByCourt: true, Supervised: true, HasRequirements: true),
        new(DisposalKind.BindingOver, Jurisdiction.Jersey, "Binding over", ByCourt: true, Supervised: false),
    ];

    private static readonly IReadOnlyDictionary<DisposalKind, DisposalInfo> ByKind = All.ToDictionary(d => d.Kind);

    public static DisposalInfo Of(DisposalKind kind) => ByKind[kind];

    public static string Describe(DisposalKind kind) => ByKind[kind].Name;

    public static string Describe(EndReason reason) => reason switch
    {
        EndReason.Completed => "Completed",
        EndReason.Revoked => "Revoked",
        EndReason.BreachedAndResentenced => "Breached and re-sentenced",
        EndReason.Extended => "Extended",
        EndReason.Transferred => "Transferred to another service",
        EndReason.Died => "Died",
        _ => "Other",
    };

    public static string Describe(JerseyCourt court) => court switch
    {
        JerseyCourt.YouthCourt => "Youth Court",
        JerseyCourt.MagistratesCourt => "Magistrate's Court",
        _ => "Royal Court",
    };

    /// <summary>Where a child is returned when an order is breached: the court, or for a Parish Hall decision the Parish Hall.</summary>
    public static string ReturnTo(DisposalKind kind) => Of(kind) is { Jurisdiction: Jurisdiction.Jersey, ByCourt: false } ? "the Parish Hall" : "court";
}
