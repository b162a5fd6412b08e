using Mend.Web.Features.Victims;
using Mend.Web.Platform;
using Mend.Web.Platform.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform.Composition;

/// <summary>A feature's settings, registered with the feature, are checked at start-up without a central list.</summary>
public sealed class SettingsTests
{
    private static IServiceProvider With(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());
        services.AddMendSettings<VictimSettings>("Mend:Victims");
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WrongSetting_StopsStartUp_NamingIt()
    {
        var ex = Assert.Throws<MendConfigurationException>(() => With(("Mend:Victims:RjInformationWorkingDays", "0")).RunStartupChecks());
        Assert.Contains("RjInformationWorkingDays", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSettings_UseTheDefaults_AndPass()
    {
        var services = With();
        services.RunStartupChecks();
        Assert.Equal(5, services.GetRequiredService<VictimSettings>().RjInformationWorkingDays);
    }
}
