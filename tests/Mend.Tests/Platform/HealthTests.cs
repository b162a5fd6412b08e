using System.Net;
using Mend.Tests.Infrastructure;

namespace Mend.Tests.Platform;

public sealed class HealthTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Live_Anonymous_IsHealthy()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_MigratedDatabase_IsHealthy()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.StartsWith("No read-only replica", body.RootElement.GetProperty("checks").GetProperty("replica").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/SignIn", response.Headers.Location!.ToString());
    }
}
