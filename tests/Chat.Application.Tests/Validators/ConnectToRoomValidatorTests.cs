using Chat.Application.Rooms.ConnectToRoom;

namespace Chat.Application.Tests.Validators;

public sealed class ConnectToRoomValidatorTests
{
    private readonly ConnectToRoomValidator _validator = new();

    [Theory]
    [InlineData(null, "alice")]
    [InlineData("", "alice")]
    [InlineData("   ", "alice")]
    [InlineData("lounge", null)]
    [InlineData("lounge", "")]
    [InlineData("lounge", " \t")]
    [InlineData(null, null)]
    public void Validate_ABlankRoomOrUsername_GivesTheSeedsMessage(string? room, string? username)
    {
        var failure = Assert.Single(_validator.Validate(new ConnectToRoom(room, username, "connection-1")).Errors);

        Assert.Equal("Username and room name are required!", failure.ErrorMessage);
    }

    [Fact]
    public void Validate_ARoomAndAUsername_Passes()
    {
        Assert.True(_validator.Validate(new ConnectToRoom("lounge", "alice", "connection-1")).IsValid);
    }
}
