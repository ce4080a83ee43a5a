using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chat.Web.Json;

/// <summary>
/// The contract's JSON: snake_case names, lower-case enum values and UTC times
/// with a Z, the same for REST bodies and hub payloads.
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;

        // The web defaults read "4" as 4; the contract refuses a value of the wrong JSON type.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new VerbatimKeysConverter());
    }

    /// <summary>
    /// Keys that are names (a game's votes: voter to suspect) are data, not member
    /// names: the snake_case key policy would turn <c>AnnaLee</c> into <c>anna_lee</c>.
    /// </summary>
    private sealed class VerbatimKeysConverter : JsonConverter<IReadOnlyDictionary<string, string>>
    {
        public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader) ?? [];

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, suspect) in value)
            {
                writer.WriteString(key, suspect);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Writes <c>2026-11-24T10:15:00.123Z</c>: millisecond precision, as browsers' Date parses it.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
