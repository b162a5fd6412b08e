using System.Text.Json;

namespace Mend.Web.Platform.Api;

/// <summary>A value in a JSON body that Mend's own converters refuse, with the message the client is shown for its field.</summary>
public sealed class JsonFieldException(string message) : JsonException(message);
