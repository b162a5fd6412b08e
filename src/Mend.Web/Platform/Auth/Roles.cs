namespace Mend.Web.Platform.Auth;

/// <summary>The roles of DESIGN.md §4. A user may hold more than one.</summary>
public static class Roles
{
    public const string Practitioner = nameof(Practitioner);
    public const string Manager = nameof(Manager);
    public const string Administrator = nameof(Administrator);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);
    public const string Volunteer = nameof(Volunteer);
    public const string Partner = nameof(Partner);

    public static readonly IReadOnlyList<string> All =
        [Practitioner, Manager, Administrator, DataProtectionOfficer, Volunteer, Partner];

    public static string Describe(string role) => role switch
    {
        Practitioner => "Practitioner (RJ worker or officer)",
        Manager => "Manager",
        Administrator => "Administrator",
        DataProtectionOfficer => "Data protection officer",
        Volunteer => "Volunteer panel member",
        Partner => "Partner agency (read-only)",
        _ => role,
    };

    /// <summary>Roles whose holders must always use a second factor (DESIGN.md §4); partner agencies' users too, since they read case records from outside.</summary>
    public static readonly IReadOnlyList<string> AlwaysNeedTwoFactor = [Manager, Administrator, DataProtectionOfficer, Partner];
}

/// <summary>Named authorisation policies. Pages and endpoints name one of these, never a role directly.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff or volunteer.</summary>
    public const string SignedIn = nameof(SignedIn);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ReadAudit = nameof(ReadAudit);
    public const string ApiReference = nameof(ApiReference);

    /// <summary>Read and work on people and cases (record-level rules narrow this further).</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>Allocate cases, restrict them, and see who broke the glass.</summary>
    public const string ManageCases = nameof(ManageCases);

    /// <summary>Keeping the venues list and staff accreditations: administrators and managers.</summary>
    public const string ManageVenues = nameof(ManageVenues);

    /// <summary>The retention schedule, disposal review and legal holds (and, later, subject access): data protection officers.</summary>
    public const string ManageDataProtection = nameof(ManageDataProtection);

    /// <summary>Disposal under the retention schedule: data protection officers review, and they or managers approve (never the reviewer).</summary>
    public const string ApproveDisposal = nameof(ApproveDisposal);

    /// <summary>Read-only access under an information-sharing agreement in force: Partner users only.</summary>
    public const string PartnerAccess = nameof(PartnerAccess);

    /// <summary>Letter and report templates: administrators.</summary>
    public const string ManageTemplates = nameof(ManageTemplates);

    /// <summary>Panel meetings: volunteer panel members (their own panels only) and case workers.</summary>
    public const string PanelWork = nameof(PanelWork);
}
