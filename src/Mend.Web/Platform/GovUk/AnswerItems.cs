using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Platform.GovUk;

/// <summary>Answers offered the same way wherever they are asked: yes or no ("yes", "no"), and satisfaction on a five-point scale ("5" very satisfied to "1").</summary>
public static class AnswerItems
{
    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> Satisfaction =>
        [new("Very satisfied", "5"), new("Satisfied", "4"), new("Neither satisfied nor dissatisfied", "3"), new("Dissatisfied", "2"), new("Very dissatisfied", "1")];
}
