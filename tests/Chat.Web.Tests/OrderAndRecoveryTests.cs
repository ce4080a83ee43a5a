using System.Net;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// The v2 rows of order and recovery and of idempotent sends: every stored message
/// carries its session's <c>seq</c>, history pages by seq, a rejoin catches up with
/// <c>after_seq</c> and learns the session, and a resend with the same
/// <c>client_msg_id</c> gets the first message back and tells no one.
/// </summary>
public sealed class OrderAndRecoveryTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task Messages_CarryTheirSessionsSeq_OneMoreForEachStored_NoticesIncluded()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        await (await bob.Enter(room)).DisposeAsync();

        var first = await alices.Say(room, "one");
        var second = await alices.Say(room, "two");

        var history = await alice.History(room);
        Assert.Equal(Enumerable.Range(1, history.Length).Select(i => (long)i), history.Select(m => m.LongNumber("seq")));
        Assert.Equal(first.LongNumber("seq") + 1, second.LongNumber("seq"));
        Assert.True(first.IsNull("client_msg_id"));
    }

    [Fact]
    public async Task Messages_SentWithoutWaitingForEachAcknowledgement_AreStoredAndHeardInTheOrderSent()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        List<string?> texts = [.. Enumerable.Range(1, 40).Select(i => $"pipelined {i}")];

        var acks = await Task.WhenAll(texts.Select(text => alices.Say(room, text!)).ToList());

        Assert.Equal(texts, acks.OrderBy(a => a.LongNumber("seq")).Select(a => a.Str("message")));
        var heard = new List<string?>();
        foreach (var _ in texts)
        {
            heard.Add((await bobs.NextMessage(m => m.Str("message")!.StartsWith("pipelined ", StringComparison.Ordinal))).Str("message"));
        }

        Assert.Equal(texts, heard);
    }

    [Fact]
    public async Task History_AfterAndBeforeASeq_PagesLikeIds()
    {
        var (room, alice, _) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        foreach (var i in Enumerable.Range(1, 5))
        {
            await alices.Say(room, $"m{i}");
        }

        var all = await alice.History(room);
        var third = all.Single(m => m.Str("message") == "m3").LongNumber("seq");

        Assert.Equal(["m4", "m5"], (await alice.History(room, $"after_seq={third}")).Select(m => m.Str("message")));
        Assert.Equal(["m2"], (await alice.History(room, $"before_seq={third}&limit=1")).Select(m => m.Str("message")));
        Assert.Equal(["m3", "m4"], (await alice.History(room, $"after_seq={third - 1}&before_seq={third + 2}")).Select(m => m.Str("message")));
    }

    [Theory]
    [InlineData("after_id=1&after_seq=1", "after_seq")]
    [InlineData("before_id=9&after_seq=1", "after_seq")]
    [InlineData("after_id=1&before_seq=9", "before_seq")]
    [InlineData("before_id=1&before_seq=2", "before_seq")]
    [InlineData("after_id=1&before_id=9&after_seq=1&before_seq=9", "after_seq")]
    public async Task History_MixingIdsAndSeqs_Is400NamingASeqTheCallerSent(string query, string field)
    {
        var (room, alice, _) = await app.HostAndJoin();

        var refused = await Wire.ValidationProblem(await alice.Get(ChatClient.HistoryPath(room, query)), field);

        var sent = query.Split('&').Select(p => p.Split('=')[0]);
        Assert.All(refused.GetProperty("errors").EnumerateObject(), e => Assert.Contains(e.Name, sent));
        Assert.Contains("not both", refused.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WithAfterSeq_ReturnsWhatWasMissed_CompleteAndTheSession_Silently()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        var lastSeen = (await alices.Say(room, "before the drop")).LongNumber("seq");
        await bobs.DisposeAsync();
        await alices.Say(room, "while bob was away 1");
        await alices.Say(room, "while bob was away 2");

        var again = await bob.Connect();
        var joined = await again.Invoke("join", new { room, username = bob.Username, after_seq = lastSeen });

        Assert.Equal(["while bob was away 1", "while bob was away 2"], joined.GetProperty("messages").Items().Select(m => m.Str("message")));
        Assert.True(joined.GetProperty("complete").GetBoolean());
        var session = joined.GetProperty("session");
        Wire.AssertMembers(session, Wire.SessionMembers);
        Assert.Equal([alice.Username, bob.Username], session.GetProperty("players").Strings());
        await alices.AssertNoMessageFor(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == $"{bob.Username} has joined the room." && m.LongNumber("seq") > lastSeen);
    }

    [Fact]
    public async Task Join_FromASecondTab_HearsTheRoomWithoutASecondNotice()
    {
        var (room, alice, _) = await app.HostAndJoin();
        var first = await alice.Enter(room);

        var second = await alice.Connect();
        await second.Join(room);
        await first.Say(room, "heard in both tabs");

        await second.NextMessageSaying("heard in both tabs");
        Assert.Single(await alice.History(room), m => m.Str("message") == $"{alice.Username} has joined the room.");
    }

    [Fact]
    public async Task Message_ResentWithTheSameClientId_ReturnsTheFirst_AndIsNeitherStoredNorBroadcastAgain()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);

        var first = await alices.Invoke("message", new { from = alice.Username, room, message = "only once", client_msg_id = "abc-1" });
        await bobs.NextMessageSaying("only once");
        var again = await alices.Invoke("message", new { from = alice.Username, room, message = "only once", client_msg_id = "abc-1" });

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal("abc-1", first.Str("client_msg_id"));
        await alices.Say(room, "marker");
        Assert.Equal("marker", (await bobs.NextMessage()).Str("message"));
        Assert.Single(await alice.History(room), m => m.Str("message") == "only once");
    }

    [Fact]
    public async Task Message_ResentFromAnotherConnection_ReturnsTheFirst()
    {
        var (room, alice, _) = await app.HostAndJoin();
        var tab1 = await alice.Enter(room);
        var tab2 = await alice.Connect();
        await tab2.Join(room);

        var first = await tab1.Invoke("message", new { from = alice.Username, room, message = "hi", client_msg_id = "same" });
        var second = await tab2.Invoke("message", new { from = alice.Username, room, message = "hi", client_msg_id = "same" });

        Assert.Equal(first.LongNumber("id"), second.LongNumber("id"));
        Assert.Equal(first.LongNumber("seq"), second.LongNumber("seq"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Message_WithAnInvalidClientId_IsRefused_AndNothingIsStored(string clientMsgId)
    {
        var (room, alice, _) = await app.HostAndJoin();
        var alices = await alice.Enter(room);

        var reason = await alices.InvokeRefused("message", new { from = alice.Username, room, message = "nope", client_msg_id = clientMsgId });

        Assert.Contains("client_msg_id", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await alice.History(room), m => m.Str("message") == "nope");
    }
}
