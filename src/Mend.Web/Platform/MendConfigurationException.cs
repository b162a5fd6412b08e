namespace Mend.Web.Platform;

/// <summary>A setting is missing or wrong; the message tells the operator what to set.</summary>
public sealed class MendConfigurationException(string message) : Exception(message);
