namespace Mend.Web.Features.Admin.Users;

/// <summary>Registers user administration: invitations and API tokens.</summary>
public static class UsersFeature
{
    public static IServiceCollection AddUserAdministration(this IServiceCollection services) => services
        .AddScoped<InviteUser>()
        .AddScoped<InvitationLinks>()
        .AddScoped<IssueApiToken>()
        .AddScoped<Account.AccountNotices>();
}
