using Microsoft.Net.Http.Headers;

namespace Mend.Web.Platform.Api;

/// <summary>The API's shared answers: RFC 9457 field errors, and ETags over record versions for optimistic concurrency.</summary>
public static class ApiResults
{
    /// <summary>400 problem details with one message per field, the field names in the API's camelCase.</summary>
    public static IResult FieldErrors(IReadOnlyDictionary<string, string> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }),
            title: "The request has problems. Nothing was saved.");

    /// <summary>A field's name as the API spells it: "DateOfBirth" is "dateOfBirth".</summary>
    public static string JsonName(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];

    public static string ETagFor(int version) => $"\"{version}\"";

    public static void SetETag(HttpContext context, int version) =>
        context.Response.Headers[HeaderNames.ETag] = ETagFor(version);

    /// <summary>
    /// The If-Match check: a change must say which version it was made against. Missing gives 428,
    /// a different version 412, so a client never overwrites a change it has not seen.
    /// </summary>
    public static IResult? CheckIfMatch(HttpContext context, int currentVersion)
    {
        var ifMatch = context.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Send an If-Match header with the record's ETag, so your change cannot overwrite someone else's.");
        }

        var wanted = ifMatch.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal)).ToList();
        return wanted.Contains("*") || wanted.Contains(ETagFor(currentVersion))
            ? null
            : Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The record was changed by someone else since you read it. Read it again and make your change over the latest version.");
    }
}
