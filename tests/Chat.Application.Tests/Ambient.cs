namespace Chat.Application.Tests;

internal static class Ambient
{
    /// <summary>Cancelled when the test run is aborted, so a hung handler does not hang the run.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
