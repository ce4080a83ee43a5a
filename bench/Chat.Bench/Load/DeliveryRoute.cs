namespace Chat.Bench.Load;

/// <summary>Where a delivery went, seen from the sender's node.</summary>
internal enum DeliveryRoute
{
    /// <summary>A target of one server, or the sender's own copy.</summary>
    Unsplit,

    /// <summary>To another client connected to the sender's node.</summary>
    SameNode,

    /// <summary>To a client connected to another node, through the backplane.</summary>
    OtherNode,
}
