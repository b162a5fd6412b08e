using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IssueTokenModel(MendDb db, IssueApiToken issue) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
        public string? Days { get; set; } = "90";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid Id { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string? PlainToken { get; private set; }

    public IEnumerable<SelectListItem> ScopeItems => ApiScopes.All.Order().Select(s => new SelectListItem(ApiScopes.Describe(s), s));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await issue.HandleAsync(new IssueApiToken.Request(id, Input.Name, Input.Scopes, Input.Days), ct);
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        PlainToken = result.Value;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && !u.IsDisabled).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        (Id, DisplayName) = (id, user ?? "");
        return user is not null;
    }
}
