using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mend.Web.Features.Staff.Sessions;

/// <summary>The team's training delivered to others over the past year, with the totals by audience.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(TrainingDelivered training, Data.MendDb db) : PageModel
{
    public List<TrainingSession> Sessions { get; private set; } = [];
    public List<TrainingDelivered.AudienceFigures> Figures { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (From, To) = (training.Today.AddYears(-1).AddDays(1), training.Today);
        Sessions = await training.ListAsync(User, From, To, ct);
        Figures = (await TrainingDelivered.FiguresAsync(db, User.TeamIdOf(), From, To, ct)).Where(f => f.Sessions > 0).ToList();
    }
}
