using System.Net;
using System.Text.Json;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests;

/// <summary>
/// Bad <c>POST /api/lobby</c> bodies: each is refused with its 4xx and a readable
/// message, leaves the sessions and users as they were, and never ends in a server error.
/// </summary>
public sealed class LobbyBadInputTests(ChatApp app) : IClassFixture<ChatApp>
{
    public static TheoryData<string> MalformedBodies =>
    [
        "{\"type\": \"host\", \"room\": ",
        "{\"type\": \"host\", \"room\": \"ok\" \"robot\": \"eliza\"}",
        "type=host",
        "[]",
        "\"host\"",
    ];

    public static TheoryData<string, string> WronglyTypedFields => new()
    {
        { "{\"type\": 1}", "type" },
        { "{\"type\": [\"host\"]}", "type" },
        { "{\"type\": \"host\", \"room\": 42}", "room" },
        { "{\"type\": \"host\", \"room\": {\"name\": \"x\"}}", "room" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": \"4\"}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": \"x\"}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": 4.5}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": 1e20}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": true}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"robot\": 7}", "robot" },
        { "{\"type\": \"join\", \"random\": \"yes\"}", "random" },
        { "{\"type\": \"join\", \"random\": 1}", "random" },
    };

    public static TheoryData<string, string> InvalidFields => new()
    {
        { "{\"type\": \"host\"}", "room" },
        { "{\"type\": \"host\", \"room\": null}", "room" },
        { "{\"type\": \"host\", \"room\": \"\"}", "room" },
        { "{\"type\": \"host\", \"room\": \"    \"}", "room" },
        { $"{{\"type\": \"host\", \"room\": \"{new string('r', 101)}\"}}", "room" },
        { $"{{\"type\": \"host\", \"room\": \"{new string('r', 20_000)}\"}}", "room" },
        { "{\"type\": \"host\", \"room\": \"a/b\"}", "room" },
        { "{\"type\": \"host\", \"room\": \"<script>\"}", "room" },
        { "{\"type\": \"host\", \"room\": \"tab\\there\"}", "room" },
        { "{\"type\": \"host\", \"room\": \"emoji 😀\"}", "room" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": 0}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": -1}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"max_players_allowed\": 101}", "max_players_allowed" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"robot\": \"skynet\"}", "robot" },
        { "{\"type\": \"host\", \"room\": \"ok\", \"robot\": \"ELIZA\"}", "robot" },
        { "{\"type\": \"join\"}", "room" },
        { "{\"type\": \"join\", \"random\": false}", "room" },
        { "{\"type\": \"join\", \"room\": \"   \"}", "room" },
        { $"{{\"type\": \"join\", \"room\": \"{new string('r', 101)}\"}}", "room" },
        { "{}", "type" },
        { "{\"type\": null}", "type" },
        { "{\"type\": \"\"}", "type" },
        { "{\"type\": \"dance\"}", "type" },
        { "{\"room\": \"ok\"}", "type" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Lobby_MalformedBody_Is400WithoutFieldErrorsAndChangesNothing(string body)
    {
        var refused = await AssertRefused(body, HttpStatusCode.BadRequest);

        Assert.False(refused.TryGetProperty("errors", out _), $"A malformed body named a field: {refused}");
    }

    [Theory]
    [MemberData(nameof(WronglyTypedFields))]
    public async Task Lobby_FieldOfTheWrongJsonType_Is400NamingTheField(string body, string field)
    {
        var refused = await AssertRefused(body, HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var reasons), $"No error for '{field}': {refused}");
        Wire.AssertReadable(reasons[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task Lobby_WithoutABody_Is400AndChangesNothing(string body)
    {
        await AssertRefused(body, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Lobby_MissingOrInvalidField_Is400NamingTheField(string body, string field)
    {
        var refused = await AssertRefused(body, HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out var reasons), $"No error for '{field}': {refused}");
        Wire.AssertReadable(reasons[0].GetString());
    }

    [Fact]
    public async Task Lobby_UnknownType_SaysWhichTypesThereAre()
    {
        var refused = await AssertRefused("{\"type\": \"dance\"}", HttpStatusCode.BadRequest);

        Assert.Contains("host", refused.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lobby_BodyOverTheSizeLimit_Is413AndChangesNothing()
    {
        await AssertRefused($"{{\"type\": \"host\", \"room\": \"{new string('r', 70 * 1024)}\"}}", HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<JsonElement> AssertRefused(string body, HttpStatusCode status)
    {
        var caller = await app.SignUp();
        var before = await Sessions.Snapshot(app);
        var errorsBefore = app.Log.Errors.Count;

        var refused = await Wire.Problem(await caller.PostRaw("/api/lobby", body), status);

        Assert.Equal(before, await Sessions.Snapshot(app));
        Assert.Equal("waiting", (await caller.Me()).Str("state"));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
        return refused;
    }
}
