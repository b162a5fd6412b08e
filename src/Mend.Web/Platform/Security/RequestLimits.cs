using Microsoft.AspNetCore.Diagnostics;

namespace Mend.Web.Platform.Security;

/// <summary>
/// Refuses a request body over Mend:Security:MaxRequestBodyKilobytes with 413 before anything reads
/// it, and a form whose fields break the form limits (or any of whose values is longer than
/// <see cref="Text.TextLimits.FormCeiling"/>) the same way, whichever server Mend runs in
/// (Kestrel enforces its own limit too; a test host or another server may not).
/// </summary>
public sealed class RequestLimits(RequestDelegate next, SecuritySettings security)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            if (context.Request.ContentLength > security.MaxRequestBodyKilobytes * 1024L)
            {
                Refuse(context);
                return;
            }

            if (context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    // No field on any Mend form takes more than the longest free text; pages check each field's own limit.
                    if (form.Any(field => field.Value.Any(v => v?.Length > Text.TextLimits.FormCeiling)))
                    {
                        Refuse(context);
                        return;
                    }
                }
                catch (InvalidDataException)
                {
                    Refuse(context);
                    return;
                }
            }
        }

        await next(context);
    }

    /// <summary>413, with the body set aside so the problem page shown after it does not try to read it again.</summary>
    private static void Refuse(HttpContext context)
    {
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        context.Request.ContentType = null;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }
}
