using Mend.Web.Data;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Admin.Users;

/// <summary>
/// The user list. Searching is a POST so names never appear in URLs or proxy logs; with JavaScript,
/// htmx re-renders only the results as the administrator types.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(MendDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool IsDisabled, bool Invited);

    public sealed record ResultsView(IReadOnlyList<Row> Rows, int Total, int PageNumber)
    {
        public int PageCount => (Total + PageSize - 1) / PageSize;
    }

    public static readonly IReadOnlyList<SelectListItem> StatusItems =
        [new("All users", "all"), new("Active", "active"), new("Disabled", "disabled")];

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public string Status { get; set; } = "all";

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ResultsView Results { get; private set; } = new([], 0, 1);

    public async Task OnGetAsync(CancellationToken ct) => Results = await SearchAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        PageNumber = 1;
        Results = await SearchAsync(ct);
    }

    public async Task<PartialViewResult> OnPostResultsAsync(CancellationToken ct)
    {
        PageNumber = 1;
        return Partial("_UserResults", await SearchAsync(ct));
    }

    private async Task<ResultsView> SearchAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        var query = Query?.Trim();
        if (!string.IsNullOrEmpty(query))
        {
            var upper = query.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
        }

        users = Status switch
        {
            "active" => users.Where(u => !u.IsDisabled),
            "disabled" => users.Where(u => u.IsDisabled),
            _ => users,
        };

        var total = await users.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.TwoFactorEnabled,
                u.IsDisabled,
                Invited = u.PasswordHash == null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var rows = page.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Roles.Order().ToList(), u.TwoFactorEnabled, u.IsDisabled, u.Invited)).ToList();
        return new ResultsView(rows, total, PageNumber);
    }
}
