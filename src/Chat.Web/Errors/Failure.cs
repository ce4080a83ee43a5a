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

    private static Failure FromBadRequest(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new(exception.StatusCode, TooLarge),
        StatusCodes.Status415UnsupportedMediaType => new(exception.StatusCode, NotJson),
        _ when exception.InnerException is JsonException json => new(StatusCodes.Status400BadRequest, DescribeJson(json)),
        _ when exception.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) =>
            new(StatusCodes.Status400BadRequest, "A query parameter is not a valid number."),
        _ when exception.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            || exception.Message.StartsWith("Implicit body", StringComparison.Ordinal) =>
            new(StatusCodes.Status400BadRequest, "The request needs a JSON body."),
        _ => new(exception.StatusCode, "The request is not valid."),
    };

    private static string DescribeJson(JsonException json) =>
        json.Path is { Length: > 1 } path
            ? $"The request body is not valid: '{JsonNamingPolicy.SnakeCaseLower.ConvertName(path.TrimStart('$', '.'))}' has the wrong type or format."
            : "The request body is not valid JSON.";
}
