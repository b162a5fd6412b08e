using Mend.Web.Features.Cases;
using Mend.Web.Platform.Encryption;

namespace Mend.Web.Features.Assessments;

/// <summary>An assessment's answers with the narratives decrypted, for the page and the API to show.</summary>
public sealed record AssessmentSheet(
    Guid Id, Guid CaseId, Guid PersonId, ParticipantRole Role, int Number, AssessmentStatus Status, string AssessorName, DateTime StartedAt,
    Willingness? Willingness, bool? UnderstandsRj, string? WillingnessNote,
    Responsibility? Responsibility, string? ResponsibilityNote,
    string? Expectations,
    IReadOnlyList<AssessmentSheet.FactorSheet> Factors, IReadOnlyList<PowerImbalanceKinds> PowerImbalance,
    IReadOnlyList<SuitableProcesses> SuitableProcesses, bool NoneSuitable, VenueKind? ProposedVenue, string? SafetyMeasures,
    RiskLevel? OverallRisk, Recommendation? Recommendation, string? RecommendationReasons, DateOnly? ReviewOn,
    DateTime? SubmittedAt, string? SubmittedByName, bool NeedsManagerApproval, IReadOnlyList<string> ApprovalReasons,
    DateTime? DecidedAt, string? DecidedByName, string? Conditions, string? ReturnReasons, DateTime? SupersededAt,
    IReadOnlyList<AssessmentSection> MissingSections, int Version)
{
    public sealed record FactorSheet(RiskFactor Factor, FactorRating Rating, string? Note);

    public static AssessmentSheet From(Assessment a, FieldEncryption encryption)
    {
        string? Read(string? c) => c is null ? null : encryption.Decrypt(c);
        return new AssessmentSheet(
            a.Id, a.CaseId, a.PersonId, a.Role, a.Number, a.Status, a.AssessorName, a.StartedAt,
            a.Willingness, a.UnderstandsRj, Read(a.WillingnessNoteCiphertext),
            a.Responsibility, Read(a.ResponsibilityNoteCiphertext),
            Read(a.ExpectationsCiphertext),
            a.Factors.OrderBy(f => f.Factor).Select(f => new FactorSheet(f.Factor, f.Rating, Read(f.NoteCiphertext))).ToList(),
            AssessmentWords.Flags(a.PowerImbalanceKinds).ToList(),
            AssessmentWords.Flags(a.SuitableProcesses).ToList(), a.ProcessesRecorded && a.SuitableProcesses == Assessments.SuitableProcesses.None,
            a.ProposedVenue, Read(a.SafetyMeasuresCiphertext),
            a.OverallRisk, a.Recommendation, Read(a.RecommendationReasonsCiphertext), a.ReviewOn,
            a.SubmittedAt, a.SubmittedByName, a.NeedsManagerApproval, a.ApprovalReasons?.Split('\n') ?? [],
            a.DecidedAt, a.DecidedByName, Read(a.ConditionsCiphertext), Read(a.ReturnReasonsCiphertext), a.SupersededAt,
            a.MissingSections(), a.Version);
    }
}
