using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Mend.Web.Platform.Security;

/// <summary>
/// Caching and compression for the style sheets, scripts, fonts and images under wwwroot, which hold no personal data; pages and
/// API answers stay uncompressed (a compressed answer that reflects input beside a secret can leak it: BREACH) and uncached
/// (<see cref="SecurityHeaders"/>: no-store). The layout links each asset with a digest of its content (asp-append-version,
/// "?v="), so a browser keeps such a copy for a year without asking again and a new release's files have new addresses;
/// an asset asked for without its digest is revalidated each time (its ETag answers 304 when unchanged).
/// </summary>
public static class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private static readonly string[] Compressible = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"];

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            // Only ever used on the asset paths below, which reflect nothing a request sends.
            o.EnableForHttps = true;
            o.MimeTypes = Compressible;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

    /// <summary>Compresses and serves the files under wwwroot with the cache headers above.</summary>
    public static IApplicationBuilder UseMendStaticAssets(this IApplicationBuilder app)
    {
        app.UseWhen(c => SecurityHeaders.IsStaticAsset(c.Request.Path), assets => assets.UseResponseCompression());
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Query.ContainsKey("v") ? Immutable : Revalidate,
        });
    }
}
