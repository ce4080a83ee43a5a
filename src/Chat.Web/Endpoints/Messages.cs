using System.Globalization;
using Chat.Application.Messages.GetMessages;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Web.Endpoints;

/// <summary><c>GET /api/sessions/{room}/messages</c>: a page of a room's history.</summary>
public static class Messages
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{room}/messages", History)
            .RequireAuthorization()
            .WithName("GetMessages")
            .WithTags("Messages")
            .WithSummary("A page of a session's messages, oldest first.")
            .WithDescription(
                "No bounds: the latest `limit`; `before_id` or `before_seq`: the latest `limit` before it; `after_id` or `after_seq`: " +
                "the oldest `limit` after it (what a reconnecting client asks for); both: the oldest `limit` of that range. Page by ids " +
                "or by seqs, not both in one request. `limit` defaults to 50; above 500 it is 500.")
            .WithIntegerQuery("after_id", "before_id", "limit", "after_seq", "before_seq")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .NeedsDatabase();
        return api;
    }

    /// <summary>
    /// The numbers are taken as text and read here, so an unreadable one is refused as
    /// a field of its own (<c>errors.after_id</c>) rather than by the framework's binder.
    /// </summary>
    private static async Task<Ok<MessagesResponse>> History(
        string room,
        [FromQuery(Name = "after_id")] string? afterId,
        [FromQuery(Name = "before_id")] string? beforeId,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "after_seq")] string? afterSeq,
        [FromQuery(Name = "before_seq")] string? beforeSeq,
        ISender sender,
        CancellationToken ct)
    {
        var unreadable = new List<ValidationFailure>();
        var query = new GetMessages(
            room,
            QueryNumber.Read<long>(afterId, "after_id", unreadable),
            QueryNumber.Read<long>(beforeId, "before_id", unreadable),
            QueryNumber.Read<int>(limit, "limit", unreadable),
            QueryNumber.Read<long>(afterSeq, "after_seq", unreadable),
            QueryNumber.Read<long>(beforeSeq, "before_seq", unreadable));
        if (unreadable.Count > 0)
        {
            throw new ValidationException(unreadable);
        }

        return TypedResults.Ok(new MessagesResponse("Messages", await sender.Send(query, ct)));
    }
}

/// <summary>
/// Reads a whole number from a query string value: absent is none; anything else, empty
/// included, must be an integer. An integer too large for its field reads as the field's
/// largest value (the smallest, if negative), so <c>limit=9007199254740991</c> is a limit
/// above 500 like any other and <c>after_id</c> beyond every id finds nothing after it.
/// </summary>
internal static class QueryNumber
{
    public static T? Read<T>(string? text, string name, List<ValidationFailure> unreadable)
        where T : struct, System.Numerics.IBinaryInteger<T>, System.Numerics.IMinMaxValue<T>
    {
        if (text is null)
        {
            return null;
        }

        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (IsWholeNumber(text))
        {
            return text[0] == '-' ? T.MinValue : T.MaxValue;
        }

        unreadable.Add(new ValidationFailure(name, $"{name} must be a whole number."));
        return null;
    }

    /// <summary>An optional sign, then one or more of the digits 0-9.</summary>
    private static bool IsWholeNumber(string text)
    {
        var digits = text.AsSpan(text.StartsWith('-') || text.StartsWith('+') ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
