using System.Net;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.Platform;

/// <summary>SECURITY.md test 9: every page's POST handler refuses a request without a valid antiforgery token.</summary>
public sealed class CsrfTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private IReadOnlyList<string> PostUrls()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText ?? "", Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null && !e.Pattern.StartsWith("Errors", StringComparison.Ordinal))
            .SelectMany(e => e.Page!.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => "/" + e.Pattern.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{noteId:long}", "1").Replace("{itemId:long}", "1").Replace("{contactId:long}", "1").Replace("{breachId:long}", "1").Replace("{activityId:long}", "1").Replace("{id:long}", "1").Replace("{id:guid?}", "").Replace("{id:int}", "1")
                        .Replace("{caseId:guid}", Guid.NewGuid().ToString()).Replace("{section}", "risks")
                        .Replace("{personId:guid}", Guid.NewGuid().ToString()).Replace("{token}", "not-a-real-token")
                    + (h.Name is null ? "" : "?handler=" + h.Name)))
            .Distinct().Order().ToList();
    }

    [Fact]
    public async Task EveryPostHandler_WithoutAnAntiforgeryToken_Is400()
    {
        var everyRole = await TestUsers.CreateAsync(factory, [Roles.Practitioner, Roles.Manager, Roles.Administrator, Roles.DataProtectionOfficer]);
        var client = await SignIn.AsAsync(factory, everyRole);
        var urls = PostUrls();
        Assert.True(urls.Count > 20, $"Only {urls.Count} POST handlers found; the sweep is not seeing the pages.");

        foreach (var url in urls)
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent([new("Reason", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without a token answered {(int)response.StatusCode}");
        }
    }
}
