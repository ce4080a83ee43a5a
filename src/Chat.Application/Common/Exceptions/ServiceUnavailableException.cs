namespace Chat.Application.Common.Exceptions;

/// <summary>
/// The database cannot be used right now: it cannot be reached, another writer holds
/// it past the busy timeout, it is read-only, or its disk is full. Nothing was changed,
/// and the same request may well succeed shortly. Infrastructure raises it wherever it
/// touches the database, so the edges answer one type (HTTP 503, a hub reason).
/// </summary>
public sealed class ServiceUnavailableException : Exception
{
    public const string DefaultMessage =
        "The service cannot reach its database right now; nothing was changed. Please try again shortly.";

    public const string CannotStoreMessages =
        "The service cannot store messages right now; please try again shortly. This message was not sent.";

    public ServiceUnavailableException()
        : base(DefaultMessage)
    {
    }

    public ServiceUnavailableException(string message)
        : base(message)
    {
    }

    public ServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceUnavailableException(Exception innerException)
        : base(DefaultMessage, innerException)
    {
    }
}
