using Mend.Web.Features.Orders;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mend.Web.Features.Admin.Reparation;

/// <summary>A reparation placement or project as typed; <see cref="Validate"/> gives its details or puts each error on its field.</summary>
public sealed class ProjectForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Supervisor { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Safety { get; set; }
    public string? Active { get; set; } = "active";

    public bool IsActive => Active != "retired";

    public static IEnumerable<SelectListItem> KindItems =>
        Enum.GetValues<ReparationKind>().Select(k => new SelectListItem(ReparationProject.Describe(k), k.ToString()));

    public static IEnumerable<SelectListItem> ActiveItems =>
        [new("In use: sessions can be recorded there", "active"), new("Retired: kept for sessions already worked there", "retired")];

    public static ProjectForm From(ReparationProject p) => new()
    {
        Name = p.Name,
        Kind = p.Kind.ToString(),
        Supervisor = p.Supervisor,
        Phone = p.Phone,
        Address = p.Address,
        Safety = p.Safety,
        Active = p.IsActive ? "active" : "retired",
    };

    public ReparationProjectDetails? Validate(ModelStateDictionary modelState, string prefix)
    {
        void Check(string? value, string field, string what, int most, bool required = true)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                modelState.AddModelError($"{prefix}.{field}", $"Enter the {what}");
            }
            else if (value?.Trim().Length > most)
            {
                modelState.AddModelError($"{prefix}.{field}", $"The {what} must be {most:N0} characters or fewer");
            }
        }

        Check(Name, nameof(Name), "name", 100);
        Check(Supervisor, nameof(Supervisor), "supervisor's name", 200);
        Check(Phone, nameof(Phone), "phone number", 40, required: false);
        Check(Address, nameof(Address), "address", 500);
        Check(Safety, nameof(Safety), "safety information", 2000);
        var kind = Enum.TryParse<ReparationKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (ReparationKind?)null;
        if (kind is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Kind)}", "Select whether it is a placement or a project");
        }

        return modelState.IsValid ? new ReparationProjectDetails(Name!, kind!.Value, Supervisor!, string.IsNullOrWhiteSpace(Phone) ? null : Phone, Address!, Safety!) : null;
    }
}
