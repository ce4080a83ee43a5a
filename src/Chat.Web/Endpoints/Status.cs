namespace Chat.Web.Endpoints;

public static class Status
{
    public static RouteGroupBuilder MapStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/", () => TypedResults.Ok(new StatusResponse("Chat API is running"))).WithName("GetStatus")
            .WithTags("Status").WithSummary("Says the API is running.");
        return api;
    }
}
