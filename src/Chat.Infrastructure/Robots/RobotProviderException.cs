namespace Chat.Infrastructure.Robots;

/// <summary>Why a robot's language model gave no usable answer.</summary>
public enum RobotFailure
{
    /// <summary>A failure the other kinds do not describe.</summary>
    Other,

    /// <summary>The provider did not answer (or stopped streaming) within the configured time.</summary>
    Timeout,

    /// <summary>The provider could not be reached at all.</summary>
    Unreachable,

    /// <summary>The provider answered with an HTTP error status.</summary>
    ErrorStatus,

    /// <summary>The provider answered something that is not the expected wire format.</summary>
    MalformedReply,
}

/// <summary>
/// One exception type for every way a provider can fail, so the robot's turn can
/// catch exactly this, stay silent, and let a bug elsewhere surface as usual.
/// </summary>
public sealed class RobotProviderException : Exception
{
    public RobotProviderException()
    {
        Model = string.Empty;
    }

    public RobotProviderException(string message)
        : base(message)
    {
        Model = string.Empty;
    }

    public RobotProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Model = string.Empty;
    }

    public RobotProviderException(string model, RobotFailure failure, int? status, Exception innerException)
        : base(Describe(model, failure, status), innerException)
    {
        Model = model;
        Failure = failure;
        Status = status;
    }

    /// <summary>The model name the host picked (the configuration key).</summary>
    public string Model { get; }

    public RobotFailure Failure { get; }

    /// <summary>The HTTP status, when the provider sent one.</summary>
    public int? Status { get; }

    private static string Describe(string model, RobotFailure failure, int? status) => failure switch
    {
        RobotFailure.Timeout => $"The robot model '{model}' did not answer in time.",
        RobotFailure.Unreachable => $"The robot model '{model}' could not be reached.",
        RobotFailure.ErrorStatus => $"The robot model '{model}' answered with HTTP status {status}.",
        RobotFailure.MalformedReply => $"The robot model '{model}' answered something unreadable.",
        _ => $"The robot model '{model}' failed.",
    };
}
