using Chat.Application.Messages.GetMessages;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Web.Endpoints;

public static class Messages
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{room}/messages", History).RequireAuthorization().WithName("GetMessages");
        return api;
    }

    private static async Task<Ok<MessagesResponse>> History(
        string room,
        [FromQuery(Name = "after_id")] long? afterId,
        [FromQuery(Name = "before_id")] long? beforeId,
        [FromQuery(Name = "limit")] int? limit,
        [FromQuery(Name = "after_seq")] long? afterSeq,
        [FromQuery(Name = "before_seq")] long? beforeSeq,
        ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(new MessagesResponse("Messages", await sender.Send(new GetMessages(room, afterId, beforeId, limit, afterSeq, beforeSeq), ct)));
}
