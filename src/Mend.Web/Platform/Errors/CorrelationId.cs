namespace Mend.Web.Platform.Errors;

/// <summary>
/// Gives each request a short correlation id, shown on error pages and in problem details and
/// written in every log line of the request, so a user's report can be matched to the logs.
/// </summary>
public sealed class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.TraceIdentifier = Guid.NewGuid().ToString("N")[..12];
        // Set as the response starts, so it survives the exception handler clearing the headers.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Correlation-Id"] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }
}
