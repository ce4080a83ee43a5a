using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Users.RegisterUser;
using Microsoft.EntityFrameworkCore;

namespace Chat.Application.Tests.Users;

public sealed class RegisterUserTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task Register_WithAFreeName_SignsTheUserUp()
    {
        var registered = await Register("alice", Build.Anonymous());

        Assert.Equal("alice", registered.Username);
        var stored = await _data.FindUser(registered.Id);
        Assert.Equal("alice", stored.Username);
        Assert.True(stored.IsSignedIn);
        Assert.Equal(_data.Clock.GetUtcNow(), stored.RegisteredAt);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("Alice")]
    public async Task Register_WithANameTakenIgnoringCase_IsRefused(string name)
    {
        await _data.AddUser("alice");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Register(name, Build.Anonymous()));

        Assert.Equal($"The name '{name}' is taken; please pick another.", refused.Message);
        Assert.Equal(1, await SignedInCount());
    }

    [Fact]
    public async Task Register_WithTheOtherSpellingOfATakenAccentedName_IsRefused()
    {
        await _data.AddUser("Zo\u00EB");

        await Assert.ThrowsAsync<ConflictException>(() => Register("Zoe\u0308", Build.Anonymous()));
    }

    [Fact]
    public async Task Register_WhenAlreadySignedIn_IsRefused()
    {
        var alice = await _data.AddUser("alice");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Register("bob", Build.Caller(alice)));

        Assert.Equal("You are already signed in as alice; log out first.", refused.Message);
        Assert.Equal(1, await SignedInCount());
    }

    [Fact]
    public async Task Register_WithTheCookieOfASignInThatEnded_SignsInAnew()
    {
        var alice = await _data.AddUser("alice");
        await _data.SignOut(alice);

        var bob = await Register("bob", Build.Caller(alice));

        Assert.Equal("bob", bob.Username);
        Assert.True((await _data.FindUser(bob.Id)).IsSignedIn);
    }

    [Fact]
    public async Task Register_WithANameFreedByLogout_GivesANewUser()
    {
        var first = await _data.AddUser("alice");
        await _data.SignOut(first);

        var second = await Register("alice", Build.Anonymous());

        Assert.NotEqual(first.Id, second.Id);
        Assert.False((await _data.FindUser(first.Id)).IsSignedIn);
        Assert.True((await _data.FindUser(second.Id)).IsSignedIn);
    }

    public void Dispose() => _data.Dispose();

    private async Task<RegisteredUser> Register(string name, ICurrentUser caller)
    {
        await using var db = _data.NewContext();
        return await new RegisterUserHandler(db, caller, _data.Clock).Handle(new RegisterUser(name), Ct);
    }

    private async Task<int> SignedInCount()
    {
        await using var db = _data.NewContext();
        return await db.Users.CountAsync(u => u.SignedOutAt == null, Ct);
    }
}
