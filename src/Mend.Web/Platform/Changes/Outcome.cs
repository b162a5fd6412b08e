namespace Mend.Web.Platform.Changes;

/// <summary>
/// How a change ended: done; invalid (field errors, 400); refused as a whole by a rule of the record, such as approving
/// one's own assessment (422); not found or not visible (404); forbidden (403); made against a stale version (412); or
/// refused because the record to be made already exists, to be carried on with instead (409, <see cref="Outcome{T}.ExistingId"/>).
/// </summary>
public enum OutcomeKind
{
    Done,
    Invalid,
    Refused,
    NotFound,
    Forbidden,
    Stale,
    Exists,
}

/// <summary>
/// The one result of a change, shared by the page and API adapters: <see cref="Value"/> when done, a message per field
/// (the API's camelCase names; "" for the whole request) when invalid, a message when forbidden.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message = null, Guid? ExistingId = null)
{
    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, Empty);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(OutcomeKind.Invalid, default, errors);

    public static Outcome<T> Refused(string message) => new(OutcomeKind.Refused, default, Empty, message);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, Empty);

    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, Empty, message);

    public static Outcome<T> Stale(string message) => new(OutcomeKind.Stale, default, Empty, message);

    public static Outcome<T> Exists(string message, Guid existingId) => new(OutcomeKind.Exists, default, Empty, message, existingId);

    /// <summary>Field errors for one field ("" for the request as a whole).</summary>
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    /// <summary>The same outcome carrying another value when done (e.g. the saved record and a link made with it).</summary>
    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => new(Kind, Kind == OutcomeKind.Done ? map(Value!) : default, Errors, Message, ExistingId);

    public bool IsDone => Kind == OutcomeKind.Done;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
