using Chat.Infrastructure.Realtime.ScaleOut;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Tests.Realtime;

public sealed class DeliveryHealthTests
{
    [Fact]
    public void ManyFailuresInOneOutage_AreOneWarning_AndTheRecoveryOneLine()
    {
        var logger = new CapturingLogger<DeliveryHealth>();
        var health = new DeliveryHealth(logger);

        health.Succeeded();
        for (var i = 0; i < 50; i++)
        {
            health.Failed("message to session 3", new InvalidOperationException("Redis is away"));
        }

        health.Succeeded();
        health.Succeeded();

        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Information);
        Assert.DoesNotContain(logger.Entries, e => e.Level > LogLevel.Warning);
    }

    [Fact]
    public void EachOutage_IsWarnedOfOnce()
    {
        var logger = new CapturingLogger<DeliveryHealth>();
        var health = new DeliveryHealth(logger);

        for (var outage = 0; outage < 3; outage++)
        {
            health.Failed("message", new InvalidOperationException("away"));
            health.Failed("message", new InvalidOperationException("away"));
            health.Succeeded();
        }

        Assert.Equal(3, logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }
}
