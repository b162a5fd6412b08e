namespace Mend.Web.Features.People;

/// <summary>Registers people's services: search and merging.</summary>
public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<PersonSearch>()
        .AddScoped<MergePeople>();
}
