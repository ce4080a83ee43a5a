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
    /// <remarks>
    /// Every message on the wire carries one, so it is written without a string: the
    /// sortable pattern (<c>s</c>, the runtime's fast path) and then the milliseconds by hand.
    /// </remarks>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        private const int Length = 24;

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            var utc = value.UtcDateTime;
            Span<byte> text = stackalloc byte[Length];
            if (!utc.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture) || written != Length - 5)
            {
                throw new JsonException($"{utc:o} does not fit the contract's timestamp.");
            }

            var milliseconds = utc.Millisecond;
            text[19] = (byte)'.';
            text[20] = (byte)('0' + (milliseconds / 100));
            text[21] = (byte)('0' + (milliseconds / 10 % 10));
            text[22] = (byte)('0' + (milliseconds % 10));
            text[23] = (byte)'Z';
            writer.WriteStringValue(text);
        }
    }
}
