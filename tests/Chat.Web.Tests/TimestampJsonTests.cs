using System.Text.Json;
using Chat.Web.Json;

namespace Chat.Web.Tests;

/// <summary>Every time the service writes is UTC, to the millisecond, with a Z, whatever offset it was taken in.</summary>
public sealed class TimestampJsonTests
{
    private static readonly JsonSerializerOptions Options = Conventions();

    [Theory]
    [InlineData(2026, 11, 24, 10, 15, 0, 7, 2, "\"2026-11-24T08:15:00.007Z\"")]
    [InlineData(2026, 1, 1, 0, 0, 0, 0, 0, "\"2026-01-01T00:00:00.000Z\"")]
    [InlineData(2026, 12, 31, 23, 59, 59, 999, -5, "\"2027-01-01T04:59:59.999Z\"")]
    [InlineData(2026, 6, 5, 4, 3, 2, 120, 0, "\"2026-06-05T04:03:02.120Z\"")]
    public void Timestamps_AreWrittenInUtc_ToTheMillisecond(int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetHours, string expected)
    {
        var value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(offsetHours)).AddTicks(9_999);

        Assert.Equal(expected, JsonSerializer.Serialize(value, Options));
    }

    [Fact]
    public void Timestamps_ReadBack_AsTheSameInstant_ToTheMillisecond()
    {
        var value = new DateTimeOffset(2026, 11, 24, 10, 15, 0, 7, TimeSpan.FromHours(2));

        Assert.Equal(value, JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(value, Options), Options));
    }

    private static JsonSerializerOptions Conventions()
    {
        var options = new JsonSerializerOptions();
        JsonConventions.Apply(options);
        return options;
    }
}
