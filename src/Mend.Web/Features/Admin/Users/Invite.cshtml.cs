using Mend.Web.Platform;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class InviteModel(InviteUser inviteUser, SecuritySettings security) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int InvitationDays => security.InvitationDays;

    public static IEnumerable<SelectListItem> RoleItemsFor() =>
        Platform.Auth.Roles.All.Select(r => new SelectListItem(Platform.Auth.Roles.Describe(r), r));

    public IEnumerable<SelectListItem> RoleItems => RoleItemsFor();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await inviteUser.HandleAsync(new InviteUser.Request(Input.Email, Input.DisplayName, Input.Roles), ct);
        if (!result.IsDone)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"Input.{field}", message);
            }

            return Page();
        }

        TempData["Success"] = $"Invitation sent to {result.Value!.User.Email}";
        return RedirectToPage("/Admin/Users/Edit", new { id = result.Value.User.Id });
    }
}
