using Chat.Application.Common.Models;
using Chat.Application.Messages.FindResentMessage;
using Chat.Domain.Users;

namespace Chat.Application.Tests.Messages;

public sealed class FindResentMessageTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task Find_TheCallersOwnClientId_ReturnsTheMessageStoredUnderIt()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        var stored = await _data.AddMessageWithClientId(alice, "lounge", "ack lost", "retry-1");

        var found = await Find(alice, new FindResentMessage("alice", " LOUNGE ", "retry-1"));

        Assert.NotNull(found);
        Assert.Equal(stored.Id, found.Id);
        Assert.Equal(stored.Seq, found.Seq);
        Assert.Equal("ack lost", found.Message);
        Assert.Equal("lounge", found.Room);
        Assert.Equal("retry-1", found.ClientMsgId);
    }

    [Fact]
    public async Task Find_AnIdNeverUsed_AnotherSendersId_OrAsSomeoneElse_FindsNothing()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await _data.AddMessageWithClientId(bob, "lounge", "bob's", "shared-id");

        Assert.Null(await Find(alice, new FindResentMessage("alice", "lounge", "never-sent")));
        Assert.Null(await Find(alice, new FindResentMessage("alice", "lounge", "shared-id")));
        Assert.Null(await Find(alice, new FindResentMessage("bob", "lounge", "shared-id")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not valid!")]
    public async Task Find_WithoutAValidClientId_FindsNothing(string? clientMsgId)
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        Assert.Null(await Find(alice, new FindResentMessage("alice", "lounge", clientMsgId)));
    }

    [Fact]
    public async Task Find_InAnEndedSession_FindsNothing_AsTheSendPathRefusesIt()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.AddMessageWithClientId(alice, "lounge", "before the end", "retry-1");
        await _data.Leave(alice, "lounge");

        Assert.Null(await Find(alice, new FindResentMessage("alice", "lounge", "retry-1")));
    }

    public void Dispose() => _data.Dispose();

    private async Task<MessageDto?> Find(User caller, FindResentMessage query)
    {
        await using var db = _data.NewContext();
        return await new FindResentMessageHandler(db, Build.Caller(caller)).Handle(query, Ct);
    }
}
