using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mend.Web.Platform.Text;

/// <summary>
/// Reads every JSON string the API receives, refusing one over <see cref="TextLimits.Longest"/> characters
/// before any endpoint sees it; the serializer adds the field's path, so the problem details name the field.
/// </summary>
public sealed class BoundedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new Api.JsonFieldException("Enter text, in quotes");
        }

        // A UTF-8 byte count over four times the limit cannot decode to few enough characters.
        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var value = bytes > 4L * TextLimits.Longest ? null : reader.GetString();
        if (value is null || value.Length > TextLimits.Longest)
        {
            throw new Api.JsonFieldException($"Text must be {TextLimits.Longest} characters or fewer");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
