namespace Mend.Web.Features.Visits;

/// <summary>How visits and alerts are named on the pages.</summary>
public static class VisitWords
{
    public static string Describe(VisitStatus status) => status switch
    {
        VisitStatus.Planned => "Planned",
        VisitStatus.InProgress => "Out now",
        VisitStatus.Finished => "Finished",
        _ => "Cancelled",
    };

    public static string Colour(VisitStatus status) => status switch
    {
        VisitStatus.Planned => "blue",
        VisitStatus.InProgress => "yellow",
        VisitStatus.Finished => "green",
        _ => "grey",
    };
}
