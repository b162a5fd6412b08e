using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Mend.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser would, antiforgery token included.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    /// <summary>Loads <paramref name="pageUrl"/>, then posts <paramref name="fields"/> with its antiforgery token to the form's action (or <paramref name="postUrl"/>).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Loads the page once and posts its form <paramref name="times"/> times with the same fields, antiforgery token and
    /// submission id, as a double click or a resend does; all at once when <paramref name="together"/>.
    /// </summary>
    public static async Task<IReadOnlyList<HttpResponseMessage>> SubmitRepeatedlyAsync(this HttpClient client, string pageUrl,
        IEnumerable<(string Name, string Value)> fields, int times, bool together = false)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = new List<KeyValuePair<string, string>>(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
        {
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("__SubmissionId", page.QuerySelector("form[method=post] input[name=__SubmissionId]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No submission id on {pageUrl}")),
        };
        if (together)
        {
            return await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.PostAsync(pageUrl, new FormUrlEncodedContent(form))));
        }

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            responses.Add(await client.PostAsync(pageUrl, new FormUrlEncodedContent(form)));
        }

        return responses;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, params (string Name, string Value)[] fields) =>
        client.SubmitAsync(pageUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>
    /// The error summary's messages. Every test that reads them also checks the GOV.UK pattern: each linked message
    /// points at a field on the page, and that field's form group shows the same message inline.
    /// </summary>
    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page)
    {
        foreach (var link in page.QuerySelectorAll(".govuk-error-summary__list a"))
        {
            var id = link.GetAttribute("href")!.TrimStart('#');
            var field = page.GetElementById(id);
            Assert.True(field is not null, $"The error summary links to #{id}, which is not on the page");
            // A date's day box sits in its own small group inside the date's group, which holds the message.
            var groups = new List<AngleSharp.Dom.IElement>();
            for (var e = field!.ParentElement; e is not null; e = e.ParentElement)
            {
                if (e.ClassList.Contains("govuk-form-group"))
                {
                    groups.Add(e);
                }
            }

            var inline = groups.Select(g => g.QuerySelector(".govuk-error-message")?.TextContent).FirstOrDefault(t => t is not null) ?? "";
            Assert.True(inline.Contains(link.TextContent.Trim(), StringComparison.Ordinal),
                $"The field #{id} does not show its error \"{link.TextContent.Trim()}\" (it shows \"{inline.Trim()}\")");
        }

        return page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
    }
}
