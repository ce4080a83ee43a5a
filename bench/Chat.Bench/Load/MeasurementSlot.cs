namespace Chat.Bench.Load;

/// <summary>The measurement in progress, shared by every client's receive handler; null between runs.</summary>
internal sealed class MeasurementSlot
{
    private volatile Measurement? _current;

    public Measurement? Current
    {
        get => _current;
        set => _current = value;
    }
}
