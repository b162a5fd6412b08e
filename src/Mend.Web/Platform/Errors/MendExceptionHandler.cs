using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mend.Web.Platform.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Platform.Errors;

/// <summary>
/// Turns exceptions into the right status: problem details for the API, the GOV.UK problem pages
/// for people. Nothing about the exception itself reaches the response. A client's bad request is a
/// one-line warning in the log; only Mend's own faults are errors with a stack trace.
/// </summary>
public sealed partial class MendExceptionHandler(ILogger<MendExceptionHandler> logger) : IExceptionHandler
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

        // The middleware has already pointed the request at the error page; the feature keeps the address asked for.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            // Pages: the middleware re-executes /Errors/500, which shows the page for StatusFor(exception).
            return false;
        }

        // Written directly rather than through IProblemDetailsService, whose writers may decline (and then the
        // HTML problem page would be shown to an API client).
        var problem = FieldError(exception) is { } error
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [error.Field] = [error.Message] })
            {
                Title = exception is BadHttpRequestException ? "The request could not be read. Nothing was saved." : "The request has problems. Nothing was saved.",
                Detail = error.Detail,
            }
            : new ProblemDetails
            {
                Title = status switch
                {
                    StatusCodes.Status409Conflict => "The record was changed by someone else. Reload it and try again.",
                    StatusCodes.Status422UnprocessableEntity => exception.Message,
                    StatusCodes.Status503ServiceUnavailable when MayHaveSaved(exception) => UncertainSave,
                    StatusCodes.Status503ServiceUnavailable => "Mend cannot reach its database just now. Nothing was saved. Try again in a few minutes.",
                    StatusCodes.Status413PayloadTooLarge => "The request is too large.",
                    StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with Content-Type: application/json.",
                    StatusCodes.Status400BadRequest => "The request could not be read.",
                    _ => "Sorry, there is a problem with the service.",
                },
            };
        problem.Status = status;
        problem.Extensions["correlationId"] = context.TraceIdentifier;
        await Results.Problem(problem).ExecuteAsync(context);
        return true;
    }

    /// <summary>
    /// The field a request's problem concerns, in the API's spelling: a rule's field, the JSON path of a value
    /// that could not be read ("$.dateOfBirth" is dateOfBirth), or a route or query parameter that could not be bound.
    /// </summary>
    private static (string Field, string Message, string? Detail)? FieldError(Exception exception)
    {
        switch (exception)
        {
            case DomainRuleException { Field: { } field } rule:
                return (ApiResults.JsonName(field), rule.Message, null);
            case BadHttpRequestException { InnerException: JsonException json }:
                {
                    var field = JsonField(json.Path);
                    var syntax = json.InnerException?.GetType().Name == "JsonReaderException";
                    var message = syntax ? "The body is not valid JSON here"
                        : json is JsonFieldException ? json.Message
                        : json.Message.Contains("DateOnly", StringComparison.Ordinal) ? "Enter a real date as yyyy-mm-dd"
                        : json.Message.Contains("DateTime", StringComparison.Ordinal) ? "Enter a real date and time, as yyyy-mm-ddThh:mm:ssZ"
                        : "This value is not of the right type or format";
                    return (field, message, syntax ? "The request body is not valid JSON." : null);
                }
            case BadHttpRequestException bad when BoundParameter().Match(bad.Message) is { Success: true } match:
                return (match.Groups["name"].Value, $"\"{Truncate(match.Groups["value"].Value)}\" is not a valid value", null);
            default:
                return null;
        }
    }

    private static string JsonField(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "" : ApiResults.JsonName(field);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    // The framework's wording for a route or query value it could not convert: Failed to bind parameter "int? page" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[A-Za-z0-9_]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BoundParameter();

    /// <summary>What a client is told when the database went away in the middle of a save.</summary>
    public const string UncertainSave = "Mend lost its database while saving. What you sent may or may not have been saved: in a few minutes, reload and check before sending it again.";

    /// <summary>
    /// Whether the failure cut a save off mid-way (the connection lost during the save or its commit): the database may
    /// have committed it, so "nothing was saved" would be untrue.
    /// </summary>
    public static bool MayHaveSaved(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateException save)
            {
                return CutOffMidSave(save);
            }
        }

        return false;
    }

    /// <summary>
    /// The status for an exception, looking through wrappers: a database that cannot be reached shows
    /// as 503 even when it surfaces inside, say, a Data Protection or EF error.
    /// </summary>
    public static int StatusFor(Exception exception)
    {
        // A failed save (DbUpdateException) is about the data, not the connection, unless the connection itself failed
        // (a database failing over mid-save: EF wraps it again when the failure looks transient).
        for (Exception? e = exception; e is not null and not BadHttpRequestException; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or Audit.AuditUnavailableException)
            {
                return StatusCodes.Status503ServiceUnavailable;
            }

            if (e is DbUpdateException save)
            {
                return CutOffMidSave(save) || OnAStandby(save) ? StatusCodes.Status503ServiceUnavailable : DirectStatusFor(exception);
            }
        }

        return DirectStatusFor(exception);
    }

    // A write that reached a server which is now a standby (a failover or switchover the connection has not noticed yet)
    // is refused whole, SQLSTATE 25006 read_only_sql_transaction: nothing was saved, and trying again shortly reaches the
    // new primary. Not a fault in the request, so 503 rather than 500 (the Patroni drill found it behind PgBouncer).
    private static bool OnAStandby(DbUpdateException save) => save.InnerException is DbException { SqlState: "25006" };

    // EF wraps a save again when the connection failed under it (a transient error or a timeout), not when the data was
    // refused. A connection-class error (SQLSTATE 08...) counts too: PgBouncer reports a server connection lost mid-query,
    // or no server to be had, as 08P01, which Npgsql does not call transient. Some of these come before anything ran, so
    // "may have been saved" is then cautious rather than exact; the two cannot be told apart from the error.
    private static bool CutOffMidSave(DbUpdateException save) =>
        save.InnerException is DbException { IsTransient: true } or TimeoutException
        || save.InnerException is DbException { SqlState: { } state } && state.StartsWith("08", StringComparison.Ordinal);

    private static int DirectStatusFor(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        DomainRuleException => StatusCodes.Status422UnprocessableEntity,
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };
}
