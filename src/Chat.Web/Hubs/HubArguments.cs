using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Chat.Web.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Chat.Web.Hubs;

/// <summary>
/// The one object a hub method takes. An argument that cannot be read (a member of the
/// wrong JSON type, or no object at all) still reaches the method, marked
/// <see cref="Unreadable"/>, so the caller is told which member was wrong, as a REST
/// body is, instead of the hub protocol's generic failure to bind.
/// </summary>
public abstract record HubArgument
{
    /// <summary>Why the argument could not be read; null when it was read.</summary>
    [JsonIgnore]
    public ValidationFailure? Unreadable { get; init; }

    /// <summary>The refusal of an argument that could not be read.</summary>
    public static ValidationException Refusal(ValidationFailure unreadable) => new([unreadable]);
}

/// <summary>A hub argument that can stand for one that could not be read.</summary>
public interface IHubArgument<TSelf> where TSelf : HubArgument
{
    /// <summary>An argument with no members set, marked with why the one sent could not be read.</summary>
    static abstract TSelf CouldNotRead(ValidationFailure unreadable);
}

/// <summary>
/// Reads each <see cref="HubArgument"/> with the hub's own JSON settings and, where
/// that fails, marks the argument instead of failing the call. The hub protocol hands
/// it a whole message, so a failed read can start again from the argument's first
/// token and step over it.
/// </summary>
public sealed class HubArgumentsConverter : JsonConverterFactory
{
    public const string NotAnObject = "Send one JSON object as the argument.";

    private JsonSerializerOptions? _inner;

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsSubclassOf(typeof(HubArgument)) && typeof(IHubArgument<>).MakeGenericType(typeToConvert).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inner = _inner ??= Without(this, options);
        return (JsonConverter)Activator.CreateInstance(typeof(Tolerant<>).MakeGenericType(typeToConvert), inner.GetTypeInfo(typeToConvert))!;
    }

    private static JsonSerializerOptions Without(JsonConverter factory, JsonSerializerOptions options)
    {
        var inner = new JsonSerializerOptions(options);
        inner.Converters.Remove(factory);
        inner.MakeReadOnly(populateMissingResolver: true);
        return inner;
    }

    /// <summary>
    /// Reads with the argument type's own converter, as the serializer would (the hub
    /// protocol has already found where the value ends). A value that cannot be read is
    /// read again from its start through the serializer, whose error names the member.
    /// </summary>
    private sealed class Tolerant<T>(JsonTypeInfo typeInfo) : JsonConverter<T>
        where T : HubArgument, IHubArgument<T>
    {
        private readonly JsonTypeInfo<T> _typeInfo = (JsonTypeInfo<T>)typeInfo;
        private readonly JsonConverter<T> _converter = (JsonConverter<T>)typeInfo.Converter;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var start = reader;
            try
            {
                return _converter.Read(ref reader, typeToConvert, _typeInfo.Options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                reader = start;
                return ReadNamingTheMember(ref reader);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _typeInfo);

        private T? ReadNamingTheMember(ref Utf8JsonReader reader)
        {
            var start = reader;
            try
            {
                return JsonSerializer.Deserialize(ref reader, _typeInfo);
            }
            catch (JsonException unreadable)
            {
                reader = start;
                reader.Skip();
                return T.CouldNotRead(Failure.MemberOf(unreadable.Path) is { } member
                    ? new ValidationFailure(member, Failure.WrongType(member))
                    : new ValidationFailure(string.Empty, NotAnObject));
            }
        }
    }
}
