using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Models;
using Chat.Application.Messages.GetMessages;
using Chat.Domain.Messages;
using Chat.Domain.Users;

namespace Chat.Application.Tests.Messages;

public sealed class GetMessagesTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task Get_WithoutIds_ReturnsTheLatestPage_OldestFirst()
    {
        var (alice, _) = await ARoomWith(10);

        var page = await Get(alice, new GetMessages("lounge", Limit: 3));

        Assert.Equal(["m8", "m9", "m10"], Texts(page));
    }

    [Fact]
    public async Task Get_WithoutALimit_ReturnsFifty()
    {
        var (alice, _) = await ARoomWith(60);

        var page = await Get(alice, new GetMessages("lounge"));

        Assert.Equal(GetMessages.DefaultLimit, page.Count);
        Assert.Equal("m11", page[0].Message);
        Assert.Equal("m60", page[^1].Message);
    }

    [Fact]
    public async Task Get_BeforeAnId_ReturnsTheLatestBeforeIt()
    {
        var (alice, messages) = await ARoomWith(10);

        var page = await Get(alice, new GetMessages("lounge", BeforeId: IdOf(messages, "m6"), Limit: 3));

        Assert.Equal(["m3", "m4", "m5"], Texts(page));
    }

    [Fact]
    public async Task Get_AfterAnId_ReturnsTheOldestAfterIt()
    {
        var (alice, messages) = await ARoomWith(10);

        var page = await Get(alice, new GetMessages("lounge", AfterId: IdOf(messages, "m3"), Limit: 3));

        Assert.Equal(["m4", "m5", "m6"], Texts(page));
    }

    [Fact]
    public async Task Get_AfterTheLastId_ReturnsNothing()
    {
        var (alice, messages) = await ARoomWith(3);

        var page = await Get(alice, new GetMessages("lounge", AfterId: IdOf(messages, "m3")));

        Assert.Empty(page);
    }

    [Fact]
    public async Task Get_BetweenTwoIds_ReturnsThatRange_FromItsStart()
    {
        var (alice, messages) = await ARoomWith(10);
        var after = IdOf(messages, "m2");
        var before = IdOf(messages, "m9");

        Assert.Equal(["m3", "m4", "m5", "m6", "m7", "m8"], Texts(await Get(alice, new GetMessages("lounge", after, before))));
        Assert.Equal(["m3", "m4"], Texts(await Get(alice, new GetMessages("lounge", after, before, Limit: 2))));
    }

    [Fact]
    public async Task Get_AfterIdZero_ReturnsTheOldest()
    {
        var (alice, _) = await ARoomWith(5);

        var page = await Get(alice, new GetMessages("lounge", AfterId: 0, Limit: 2));

        Assert.Equal(["m1", "m2"], Texts(page));
    }

    [Fact]
    public async Task Get_AroundAnIdOfAnotherRoomsMessage_ComparesItAsAnId()
    {
        var (alice, before) = await ARoomWith(2);
        var bob = await _data.AddUser("bob");
        await _data.AddSession(bob, "den");
        var elsewhere = (await _data.AddMessages(bob, "den", "elsewhere"))[0].Id;
        var after = await _data.AddMessages(alice, "lounge", "m3", "m4");

        Assert.Equal(["m3", "m4"], Texts(await Get(alice, new GetMessages("lounge", AfterId: elsewhere))));
        Assert.Equal(["m1", "m2"], Texts(await Get(alice, new GetMessages("lounge", BeforeId: elsewhere))));
        Assert.Equal(["m2"], Texts(await Get(alice, new GetMessages("lounge", AfterId: IdOf(before, "m1"), BeforeId: elsewhere))));
        Assert.Equal(["m3"], Texts(await Get(alice, new GetMessages("lounge", AfterId: elsewhere, BeforeId: IdOf(after, "m4")))));
    }

    [Fact]
    public async Task Get_BeyondTheRoomsLastId_ReturnsItsLatestBefore_AndNothingAfter()
    {
        var (alice, messages) = await ARoomWith(3);
        var beyond = messages[^1].Id + 1000;

        Assert.Equal(["m2", "m3"], Texts(await Get(alice, new GetMessages("lounge", BeforeId: beyond, Limit: 2))));
        Assert.Empty(await Get(alice, new GetMessages("lounge", AfterId: beyond)));
    }

    [Fact]
    public async Task Get_WithALimitAbove500_ReturnsAtMost500()
    {
        var (alice, _) = await ARoomWith(510);

        var page = await Get(alice, new GetMessages("lounge", Limit: 10_000));

        Assert.Equal(GetMessages.MaxLimit, page.Count);
        Assert.Equal("m11", page[0].Message);
        Assert.Equal("m510", page[^1].Message);
    }

    [Fact]
    public async Task Get_DescribesEachMessageForTheWire()
    {
        var (alice, messages) = await ARoomWith(1);

        var message = Assert.Single(await Get(alice, new GetMessages(" LOUNGE ")));

        Assert.Equal(new MessageDto(messages[0].Id, messages[0].SessionId, "lounge", "alice", "m1", messages[0].Timestamp, MessageKind.Chat, Seq: 1, ClientMsgId: null), message);
    }

    [Fact]
    public async Task Get_ReturnsOnlyThatRoomsMessages()
    {
        var (alice, _) = await ARoomWith(2);
        var bob = await _data.AddUser("bob");
        await _data.AddSession(bob, "den");
        await _data.AddMessages(bob, "den", "elsewhere");

        Assert.Equal(["m1", "m2"], Texts(await Get(alice, new GetMessages("lounge"))));
    }

    [Fact]
    public async Task Get_BySomeoneWhoNeverPlayed_IsForbidden()
    {
        await ARoomWith(2);
        var mallory = await _data.AddUser("mallory");

        var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => Get(mallory, new GetMessages("lounge")));

        Assert.Equal("Only players of 'lounge' can read its messages.", refused.Message);
    }

    [Fact]
    public async Task Get_ByAFormerPlayer_IsAllowed()
    {
        await ARoomWith(2);
        var bob = await _data.AddUser("bob");
        await _data.Join(bob, "lounge");
        await _data.AddMessages(bob, "lounge", "bye");
        await _data.Leave(bob, "lounge");

        Assert.Equal(["m1", "m2", "bye"], Texts(await Get(bob, new GetMessages("lounge"))));
    }

    [Fact]
    public async Task Get_AfterTheSessionEnded_IsStillAllowedToItsPlayers()
    {
        var (alice, _) = await ARoomWith(2);
        await _data.Leave(alice, "lounge");

        Assert.Equal(["m1", "m2"], Texts(await Get(alice, new GetMessages("lounge"))));
    }

    [Fact]
    public async Task Get_ForAnUnknownRoom_IsNotFound()
    {
        var alice = await _data.AddUser("alice");

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Get(alice, new GetMessages("nowhere")));

        Assert.Equal("There is no session named 'nowhere'.", refused.Message);
    }

    public void Dispose() => _data.Dispose();

    private static string[] Texts(IReadOnlyList<MessageDto> page) => [.. page.Select(m => m.Message)];

    private static long IdOf(IReadOnlyList<ChatMessage> messages, string text) => messages.Single(m => m.Text == text).Id;

    /// <summary>"lounge", hosted by alice, who said m1 ... m<paramref name="count"/>.</summary>
    private async Task<(User Alice, IReadOnlyList<ChatMessage> Messages)> ARoomWith(int count)
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        var messages = await _data.AddMessages(alice, "lounge", Enumerable.Range(1, count).Select(i => $"m{i}"));
        return (alice, messages);
    }

    private async Task<IReadOnlyList<MessageDto>> Get(User caller, GetMessages query)
    {
        await using var db = _data.NewContext();
        return await new GetMessagesHandler(db, Build.Caller(caller)).Handle(query, Ct);
    }
}
