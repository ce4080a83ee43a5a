using System.Globalization;
using System.Net;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Limits;

/// <summary>The contract's answer over a REST limit: 429, a Retry-After in seconds, and the problem body.</summary>
public static class TooManyRequests
{
    public static async Task<JsonElement> Assert429(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await Wire.Problem(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "No Retry-After header.");
        var seconds = int.Parse(Assert.Single(values), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Contains("Try again in", body.Str("message"), StringComparison.Ordinal);
        return body;
    }
}
