using Chat.Domain.Messages;

namespace Chat.Domain.Tests.Messages;

public sealed class TypingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDue_TheFirstSignal_IsRelayed() => Assert.True(Typing.IsDue(null, Now));

    [Fact]
    public void IsDue_WithinASecondOfTheLast_IsDropped() =>
        Assert.False(Typing.IsDue(Now, Now + Typing.MinInterval - TimeSpan.FromMilliseconds(1)));

    [Fact]
    public void IsDue_ASecondAfterTheLast_IsRelayed() => Assert.True(Typing.IsDue(Now, Now + Typing.MinInterval));

    [Fact]
    public void IsDue_AfterTheClockWentBack_IsRelayed() => Assert.True(Typing.IsDue(Now, Now.AddMinutes(-1)));
}
