using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Processes;

/// <summary>Chooses the community or referral-order panel that meets for a panel process.</summary>
public sealed class ChoosePanelModel(MendDb db, CaseAccess access, AuditTrail audit, RecordProcess record) : ProcessTaskPage(db, access, audit)
{
    public sealed class PanelForm
    {
        public string? PanelId { get; set; }
    }

    [BindProperty]
    public PanelForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> PanelItems { get; private set; } = [];

    protected override bool Applies(RjProcess process) => ProcessTasks.CanChoosePanel(process);

    protected override void Prefill() => Input.PanelId = Process.PanelId?.ToString();

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var kind = Panels.Panel.For(Process.Kind);
        var panels = await Db.Panels.AsNoTracking().Where(p => p.Kind == kind && p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        PanelItems = [new SelectListItem("Choose a panel", ""), .. panels.Select(p => new SelectListItem($"{p.Name} ({p.Members.Count} members)", p.Id.ToString()))];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await record.ChoosePanelAsync(User, id, Version, new(int.TryParse(Input.PanelId, out var panel) ? panel : null), ct), "Panel chosen", ct);
}
