namespace Mend.Web.Platform.Composition;

/// <summary>A settings class that checks itself and throws <see cref="MendConfigurationException"/> naming the setting.</summary>
public interface ISelfValidating<out T>
{
    T Validated();
}

/// <summary>Something resolved once at start-up, so a wrong setting stops Mend with its message before any request.</summary>
public sealed record StartupCheck(string Name, Action<IServiceProvider> Run);

public static class Settings
{
    /// <summary>
    /// Registers a settings class read from <paramref name="section"/> (its defaults when absent) as a singleton, checked
    /// at start-up when it validates itself. A feature calls this in its own registration; nothing central lists settings.
    /// </summary>
    public static IServiceCollection AddMendSettings<T>(this IServiceCollection services, string section) where T : class, new()
    {
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IConfiguration>().GetSection(section).Get<T>() ?? new T();
            return settings is ISelfValidating<T> validating ? validating.Validated() : settings;
        });
        services.AddSingleton(new StartupCheck(section, sp => sp.GetRequiredService<T>()));
        return services;
    }

    /// <summary>A service that must resolve at start-up (e.g. one that reads and checks its own settings).</summary>
    public static IServiceCollection AddStartupCheck<T>(this IServiceCollection services, string name) where T : notnull =>
        services.AddSingleton(new StartupCheck(name, sp => sp.GetRequiredService<T>()));

    /// <summary>Resolves every registered check; the first wrong setting throws with its message.</summary>
    public static void RunStartupChecks(this IServiceProvider services)
    {
        foreach (var check in services.GetServices<StartupCheck>())
        {
            check.Run(services);
        }
    }
}
