using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mend.Web.Platform.Api;

namespace Mend.Web.Platform.Time;

/// <summary>
/// Date-times in the API. With an offset or Z ("2027-03-28T00:30:00Z", "2027-03-28T02:30:00+01:00") they are that instant.
/// Without one ("2027-03-28T01:30:00") they are UK time, as on the pages, by <see cref="London.ToUtc"/>: a time in the hour
/// skipped in spring is refused, one in the hour repeated in autumn is its first occurrence. Written back in UTC, with Z.
/// </summary>
public sealed class ApiDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || text.Length > 40)
        {
            throw new JsonFieldException("Enter a date and time like 2027-03-28T14:30:00Z, or without the Z for UK time");
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.EndsWith("z", StringComparison.Ordinal) || HasOffset(text)))
        {
            return instant.UtcDateTime;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var (utc, error) = London.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            return utc ?? throw new JsonFieldException(error!);
        }

        throw new JsonFieldException("Enter a real date and time like 2027-03-28T14:30:00Z, or without the Z for UK time");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text) => text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';
}
