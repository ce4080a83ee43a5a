namespace Chat.Web.Tests;

/// <summary>
/// Tests that load the machine on purpose (a flood of messages, a room kept busy until
/// a stalled reader is cut off) run on their own, after the others, so their load
/// does not slow the timing-sensitive tests running beside them; so do tests that read
/// a count the whole test process shares.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoadCollection
{
    public const string Name = "Heavy load";
}
