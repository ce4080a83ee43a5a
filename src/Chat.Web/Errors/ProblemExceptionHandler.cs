using Microsoft.AspNetCore.Diagnostics;

namespace Chat.Web.Errors;

/// <summary>The one place HTTP turns exceptions into problem responses. No request ends in a stack trace.</summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var failure = Failure.From(exception);
        if (failure is null)
        {
            Unexpected(httpContext.Request.Method, httpContext.Request.Path, exception);
            failure = new Failure(StatusCodes.Status500InternalServerError, Failure.Unexpected);
        }
        else if (failure.Status == StatusCodes.Status503ServiceUnavailable)
        {
            Unavailable(httpContext.Request.Method, httpContext.Request.Path, exception.InnerException?.Message ?? exception.Message);
        }

        await Problems.Write(httpContext, failure);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private partial void Unexpected(string method, string path, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason})")]
    private partial void Unavailable(string method, string path, string reason);
}
