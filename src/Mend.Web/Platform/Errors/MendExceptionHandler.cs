using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Errors;

/// <summary>
/// Turns exceptions into the right status: problem details for the API, the GOV.UK problem pages
/// for people. Nothing about the exception itself reaches the response.
/// </summary>
public sealed class MendExceptionHandler(IProblemDetailsService problemDetails, ILogger<MendExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusFor(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception");
        }
        else
        {
            logger.LogWarning("Request failed with {Status}: {ExceptionType}", status, exception.GetType().Name);
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: the middleware re-executes /Errors/500, which shows the page for StatusFor(exception).
            return false;
        }

        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status409Conflict => "The record was changed by someone else. Reload it and try again.",
                    StatusCodes.Status422UnprocessableEntity => exception.Message,
                    StatusCodes.Status503ServiceUnavailable => "Mend cannot reach its database just now. Nothing was saved. Try again in a few minutes.",
                    StatusCodes.Status413PayloadTooLarge => "The request is too large.",
                    StatusCodes.Status400BadRequest => "The request could not be read.",
                    _ => "Sorry, there is a problem with the service.",
                },
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// The status for an exception, looking through wrappers: a database that cannot be reached shows
    /// as 503 even when it surfaces inside, say, a Data Protection or EF error.
    /// </summary>
    public static int StatusFor(Exception exception)
    {
        // A failed save (DbUpdateException) is about the data, not the connection; it is not looked into.
        for (Exception? e = exception; e is not null and not DbUpdateException; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return StatusCodes.Status503ServiceUnavailable;
            }
        }

        return DirectStatusFor(exception);
    }

    private static int DirectStatusFor(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        DomainRuleException => StatusCodes.Status422UnprocessableEntity,
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };
}
