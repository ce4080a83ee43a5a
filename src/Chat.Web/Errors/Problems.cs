using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Gives the problems the framework writes by itself (an unknown address, a wrong
    /// method, a body too large or not JSON) the seed's members too, and the sentence as
    /// their <c>detail</c> and the path as their <c>instance</c>, as every other problem has.
    /// </summary>
    public static void AddSeedMembers(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Detail ??= Failure.Describe(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions.TryAdd("did_succeed", false);
        problem.Extensions.TryAdd("message", problem.Detail);
    }

    public static Task Write(HttpContext context, int status, string message) =>
        Write(context, new Failure(status, message));

    public static async Task Write(HttpContext context, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        context.Response.StatusCode = failure.Status;
        if (failure.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = Failure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var problem = For(failure, context);
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The service declines when the Accept header names no JSON type (a browser's
            // text/html); throwing here would turn a refusal into a 500.
            var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            await context.Response.WriteAsJsonAsync(problem, json, "application/problem+json");
        }
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
