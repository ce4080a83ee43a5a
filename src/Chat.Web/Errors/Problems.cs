using Microsoft.AspNetCore.Mvc;

namespace Chat.Web.Errors;

/// <summary>
/// RFC 9457 problem bodies that also carry the seed's members, so a seed client
/// reads <c>did_succeed</c> and <c>message</c> where it always did.
/// </summary>
public static class Problems
{
    public static ProblemDetails For(Failure failure, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Status = failure.Status,
            Title = ReasonPhrase(failure.Status),
            Detail = failure.Message,
            Instance = context.Request.Path,
        };
        problem.Extensions["did_succeed"] = false;
        problem.Extensions["message"] = failure.Message;
        if (failure.Errors is not null)
        {
            problem.Extensions["errors"] = failure.Errors;
        }

        return problem;
    }

    public static Task Write(HttpContext context, int status, string message) =>
        Write(context, new Failure(status, message));

    public static async Task Write(HttpContext context, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        context.Response.StatusCode = failure.Status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = For(failure, context) });
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
