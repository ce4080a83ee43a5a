using System.Security.Claims;
using Chat.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Tests.Identity;

/// <summary>Who a hub call comes from: the connection's user, read from its claims as it opens.</summary>
public sealed class HubCallerTests
{
    [Fact]
    public void Remember_ASignedInConnection_IsItsUsersIdAndName()
    {
        var connection = new Connection(SignInClaims.For(42, "alice"));

        Assert.Equal(new HubCaller(42, "alice"), HubCaller.Remember(connection));
    }

    [Fact]
    public void Remember_AConnectionWithoutASignIn_IsNobody()
    {
        var connection = new Connection(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.Null(HubCaller.Remember(connection));
        Assert.Null(HubCaller.Of(connection));
    }

    [Fact]
    public void Of_AConnectionRemembered_IsTheCallerReadWhenItOpened()
    {
        var connection = new Connection(SignInClaims.For(42, "alice"));
        var opened = HubCaller.Remember(connection);

        connection.Principal = SignInClaims.For(7, "mallory");

        Assert.Same(opened, HubCaller.Of(connection));
    }

    [Fact]
    public void Of_AConnectionNotRemembered_ReadsItsClaims()
    {
        var connection = new Connection(SignInClaims.For(42, "alice"));

        Assert.Equal(new HubCaller(42, "alice"), HubCaller.Of(connection));
        Assert.Null(connection.Features.Get<HubCaller>());
    }

    [Fact]
    public void CurrentUser_OfAHubCall_IsTheConnectionsCaller()
    {
        var currentUser = new CurrentUser(RequestOf(SignInClaims.For(7, "bob")));

        currentUser.ActFor(new HubCaller(42, "alice"));

        Assert.Equal(42, currentUser.Id);
        Assert.Equal("alice", currentUser.Username);
    }

    [Fact]
    public void CurrentUser_OfAHubCallWithoutACaller_IsNobody()
    {
        var currentUser = new CurrentUser(RequestOf(SignInClaims.For(7, "bob")));

        currentUser.ActFor(null);

        Assert.Null(currentUser.Id);
        Assert.Null(currentUser.Username);
    }

    [Fact]
    public void CurrentUser_OfAnHttpRequest_IsTheRequestsUser()
    {
        var currentUser = new CurrentUser(RequestOf(SignInClaims.For(7, "bob")));

        Assert.Equal(7, currentUser.Id);
        Assert.Equal("bob", currentUser.Username);
    }

    private static HttpContextAccessor RequestOf(ClaimsPrincipal user) =>
        new() { HttpContext = new DefaultHttpContext { User = user } };

    private sealed class Connection(ClaimsPrincipal user) : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => null;

        public ClaimsPrincipal Principal { get; set; } = user;

        public override ClaimsPrincipal? User => Principal;

        public override IDictionary<object, object?> Items => throw new InvalidOperationException("The caller is not kept in the connection's items.");

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
