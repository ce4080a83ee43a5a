using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>Whatever a player writes is stored and returned exactly: emoji, right-to-left scripts, markup, whitespace.</summary>
public sealed class MessageTextTests(ChatApp app) : IClassFixture<ChatApp>
{
    public static TheoryData<string> Texts =>
    [
        "👋🏽 hello 🇫🇷",
        "👨‍👩‍👧‍👦 family",
        "שלום עולם",
        "مرحبا بالعالم",
        "mixed: hello שלום 123 مرحبا!",
        "\u202Eright-to-left override\u202C and back",
        "decomposed e\u0301 stays decomposed",
        "  leading and trailing spaces  ",
        "line one\nline two\r\n\ttabbed",
        "<b>not html</b> & \"quotes\" 'single' \\backslash",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP 𠀋",
        "zero\u200Bwidth\u200Djoiner",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Message_Text_IsStoredBroadcastAndReturnedExactly(string text)
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);

        var returned = await alices.Say(room, text);

        Assert.Equal(text, returned.Str("message"));
        var received = await bobs.NextMessage(m => m.Str("kind") == "chat");
        Assert.Equal(text, received.Str("message"));
        var stored = Assert.Single(await bob.History(room), m => m.Str("kind") == "chat");
        Assert.Equal(text, stored.Str("message"));
    }

    [Fact]
    public async Task UnicodeNamesAndRooms_RoundTripThroughEveryCall()
    {
        var room = Unique.Room("Кафе Zoë");
        var zoe = await app.SignUp(Unique.Name("Zoë"));
        await zoe.Host(room);
        var zoes = await zoe.Enter(room);

        var returned = await zoes.Say(room, "😀");

        Assert.Equal(zoe.Username, returned.Str("from"));
        Assert.Equal(room, returned.Str("room"));
        Assert.Equal(room, (await Sessions.Find(app, room)).Str("room"));
        Assert.Equal([zoe.Username], (await Sessions.Find(app, room)).GetProperty("players").Strings());
        Assert.Contains(await zoe.History(room), m => m.Str("message") == "😀");
    }
}
