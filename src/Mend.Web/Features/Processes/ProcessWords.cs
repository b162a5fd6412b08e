namespace Mend.Web.Features.Processes;

public static class ProcessWords
{
    public static string Describe(ProcessKind kind) => kind switch
    {
        ProcessKind.FaceToFaceConference => "Face-to-face conference",
        ProcessKind.ShuttleOrIndirect => "Shuttle mediation or indirect communication",
        ProcessKind.Letter => "Letter of apology or explanation",
        ProcessKind.VideoConference => "Video conference",
        ProcessKind.CommunityPanel => "Community RJ panel",
        ProcessKind.SchoolMeeting => "Restorative meeting in school",
        ProcessKind.ReferralOrderPanel => "Referral order panel with the victim",
        _ => kind.ToString(),
    };

    public static string Describe(ProcessStatus status) => status switch
    {
        ProcessStatus.Planning => "Planning",
        ProcessStatus.Scheduled => "Scheduled",
        ProcessStatus.Completed => "Completed",
        ProcessStatus.PartiallyCompleted => "Partially completed",
        ProcessStatus.Withdrawn => "Withdrawn",
        ProcessStatus.NotSuitable => "Not suitable",
        _ => status.ToString(),
    };
}
