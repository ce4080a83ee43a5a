using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Realtime.ScaleOut;

/// <summary>
/// Logs failed live deliveries once per outage rather than once per message: the
/// first failure is a warning, the rest wait silently (at debug level) until a
/// delivery succeeds again, which is logged once too. Every failure it is told of
/// concerns a change that is already committed and can be fetched from history.
/// </summary>
public sealed partial class DeliveryHealth(ILogger<DeliveryHealth> logger)
{
    private readonly OutageLatch _outage = new();

    public void Succeeded()
    {
        if (_outage.Recover())
        {
            Resumed();
        }
    }

    public void Failed(string what, Exception error)
    {
        if (_outage.Fail())
        {
            FirstFailure(what, error);
        }
        else
        {
            StillFailing(what, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live delivery failed ({What}); committed changes stay in history. Further failures are not logged until delivery works again")]
    private partial void FirstFailure(string what, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live delivery still failing ({What}): {Reason}")]
    private partial void StillFailing(string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live delivery works again")]
    private partial void Resumed();
}
