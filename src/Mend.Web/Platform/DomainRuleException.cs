namespace Mend.Web.Platform;

/// <summary>
/// An entity refusing a change that breaks one of its rules. Operations check the rules first and
/// return errors the user can act on; this is the last line, shown as 422, never a 500.
/// <see cref="Field"/> names the field the rule concerns (the API's problem details name it too), when there is one.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
