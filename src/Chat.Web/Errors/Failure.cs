using System.Text.Json;
using Chat.Application.Common.Exceptions;
using Chat.Domain.Common;
using FluentValidation;

namespace Chat.Web.Errors;

/// <summary>What a caller is told about a refused request: a status, a sentence, and per-field errors for validation.</summary>
public sealed record Failure(int Status, string Message, IDictionary<string, string[]>? Errors = null)
{
    public const string Unexpected = "Something went wrong on our side; nothing was changed. Please try again.";

    public const string TooLarge = "The request body is too large.";

    public const string NotJson = "Send the request body as JSON (Content-Type: application/json).";

    public const string NoBody = "The request needs a JSON object as its body.";

    public const string UnreadableCharset =
        "The request body's charset is not one the service can read: send JSON as UTF-8 (Content-Type: application/json; charset=utf-8).";

    /// <summary>What a 503 tells a client to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The failure an exception stands for, or null when it is not one we expected:
    /// those are logged and answered with <see cref="Unexpected"/>, never with their text.
    /// </summary>
    public static Failure? From(Exception exception) => exception switch
    {
        ValidationException invalid => FromValidation(invalid),
        NotFoundException e => new(StatusCodes.Status404NotFound, e.Message),
        ForbiddenAccessException e => new(StatusCodes.Status403Forbidden, e.Message),
        UnauthorizedException e => new(StatusCodes.Status401Unauthorized, e.Message),
        ConflictException e => new(StatusCodes.Status409Conflict, e.Message),
        DomainException e => new(StatusCodes.Status409Conflict, e.Message),
        ConcurrencyConflictException e => new(StatusCodes.Status409Conflict, e.Message),
        UniqueConstraintException e => new(StatusCodes.Status409Conflict, e.Message),
        ServiceUnavailableException e => new(StatusCodes.Status503ServiceUnavailable, e.Message),
        BadHttpRequestException e => FromBadRequest(e),
        _ => null,
    };

    /// <summary>A sentence for a status the framework answers by itself, with no exception of ours behind it.</summary>
    public static string Describe(int status) => status switch
    {
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that HTTP method.",
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => NotJson,
        _ => "The request could not be served.",
    };

    private static Failure FromValidation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        var message = string.Join(" ", errors.Values.SelectMany(m => m).Distinct());
        return new Failure(StatusCodes.Status400BadRequest, message, errors);
    }

    private static Failure FromBadRequest(BadHttpRequestException exception) => exception switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(exception.StatusCode, TooLarge),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new(exception.StatusCode, NotJson),
        { InnerException: JsonException json } => FromJson(json),
        { StatusCode: StatusCodes.Status400BadRequest } => new(StatusCodes.Status400BadRequest, NoBody),
        _ => new(exception.StatusCode, "The request is not valid."),
    };

    /// <summary>
    /// A body that is valid JSON but holds a value of the wrong type for one member
    /// (<c>{"username": 5}</c>) is that member's validation failure, keyed by the name the
    /// client sent as the reader's <see cref="JsonException.Path"/> gives it. Text that is
    /// not JSON at all reaches us as a reader error wrapped in the serializer's exception.
    /// </summary>
    private static Failure FromJson(JsonException json)
    {
        if (json.InnerException is not JsonException && MemberOf(json.Path) is { } member)
        {
            var reason = WrongType(member);
            return new Failure(StatusCodes.Status400BadRequest, reason, new Dictionary<string, string[]> { [member] = [reason] });
        }

        return json.InnerException is JsonException
            ? new Failure(StatusCodes.Status400BadRequest, "The request body is not valid JSON: send one JSON object.")
            : new Failure(StatusCodes.Status400BadRequest, NoBody);
    }

    /// <summary>The sentence for a member that holds a value of the wrong JSON type, in a body or a hub call.</summary>
    public static string WrongType(string member) => $"{member} has the wrong type or format.";

    /// <summary>The top-level member a path such as <c>$.max_players_allowed</c> or <c>$['room'][0]</c> starts at.</summary>
    public static string? MemberOf(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length < 3)
        {
            return null;
        }

        string name;
        if (path[1] == '.')
        {
            var end = path.IndexOfAny(['.', '['], 2);
            name = end < 0 ? path[2..] : path[2..end];
        }
        else if (path.StartsWith("$['", StringComparison.Ordinal) && path.IndexOf("']", 3, StringComparison.Ordinal) is var close and > 3)
        {
            name = path[3..close];
        }
        else
        {
            return null;
        }

        // Members are matched ignoring case, and the contract's names are lower-case.
        return name.Length > 0 ? name.ToLowerInvariant() : null;
    }
}
