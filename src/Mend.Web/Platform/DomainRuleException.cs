namespace Mend.Web.Platform;

/// <summary>
/// An entity refusing a change that breaks one of its rules. Operations check the rules first and
/// return errors the user can act on; this is the last line, shown as 422, never a 500.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
