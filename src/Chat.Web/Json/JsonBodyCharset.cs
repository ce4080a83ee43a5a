using System.Text;
using Chat.Web.Errors;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Chat.Web.Json;

/// <summary>
/// Reads the <c>charset</c> of a JSON request body before the framework does, for every
/// endpoint that takes one. ASP.NET Core looks the parameter up exactly as written, so a
/// quoted <c>"utf-8"</c> (legal under RFC 9110) or a name the runtime has no encoding for
/// would end the request in a server error. A quoted name is passed on unquoted; a name
/// no encoding answers to is refused with 415, as a body not sent as JSON is.
/// </summary>
/// <remarks>
/// A middleware by convention that hands on the next one's task without awaiting it,
/// as <see cref="Hubs.HubOriginCheck"/> does.
/// </remarks>
public sealed class JsonBodyCharset(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null
            && request.HasJsonContentType()
            && MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            && contentType.Charset is { HasValue: true } charset)
        {
            var name = HeaderUtilities.RemoveQuotes(charset);
            if (!IsReadable(name))
            {
                return Problems.Write(context, StatusCodes.Status415UnsupportedMediaType, Failure.UnreadableCharset);
            }

            if (name.Length != charset.Length)
            {
                contentType.Charset = name;
                request.ContentType = contentType.ToString();
            }
        }

        return next(context);
    }

    /// <summary>Whether the framework's JSON reader can decode a body in this charset: UTF-8, or any name the runtime has an encoding for.</summary>
    private static bool IsReadable(StringSegment name)
    {
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            _ = Encoding.GetEncoding(name.ToString());
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // An unknown name, or one the runtime refuses to decode (UTF-7).
            return false;
        }
    }
}
