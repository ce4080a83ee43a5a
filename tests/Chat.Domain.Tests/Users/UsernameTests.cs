using System.Text;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Domain.Tests.Users;

public sealed class UsernameTests
{
    private const string ComposedZoe = "Zo\u00EB";
    private const string DecomposedZoe = "Zoe\u0308";

    // U+1D49C MATHEMATICAL SCRIPT CAPITAL A: a letter that takes two UTF-16 units.
    private const string AstralLetter = "\U0001D49C";

    [Theory]
    [InlineData("alice")]
    [InlineData("alice42")]
    [InlineData("Zoë")]
    [InlineData("Даша")]
    [InlineData("李小龙")]
    [InlineData("42")]
    public void Problem_ForLettersAndDigits_IsNone(string name)
    {
        Assert.Null(Username.Problem(name));
    }

    [Theory]
    [InlineData("alice smith")]
    [InlineData(" alice")]
    [InlineData("bob!")]
    [InlineData("a_b")]
    [InlineData("a-b")]
    [InlineData("a.b")]
    [InlineData("alice😀")]
    [InlineData("★")]
    [InlineData("a+b")]
    public void Problem_ForSpacesPunctuationSymbolsOrEmoji_GivesTheRule(string name)
    {
        Assert.Equal(Username.RuleText, Username.Problem(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Problem_ForNoName_SaysOneIsRequired(string? name)
    {
        Assert.Equal("A username is required.", Username.Problem(name));
    }

    [Fact]
    public void Problem_AllowsThirtyCharacters_AndNoMore()
    {
        Assert.Null(Username.Problem(new string('a', 30)));
        Assert.Equal(Username.RuleText, Username.Problem(new string('a', 31)));
    }

    [Fact]
    public void Problem_CountsCharacters_NotUtf16Units()
    {
        var thirty = string.Concat(Enumerable.Repeat(AstralLetter, 30));

        Assert.Equal(60, thirty.Length);
        Assert.Null(Username.Problem(thirty));
        Assert.Equal(Username.RuleText, Username.Problem(thirty + AstralLetter));
    }

    [Fact]
    public void Problem_CountsTheComposedForm()
    {
        var thirtyDecomposed = string.Concat(Enumerable.Repeat("e\u0308", 30));

        Assert.Null(Username.Problem(thirtyDecomposed));
    }

    [Fact]
    public void Register_StoresTheComposedForm_SoBothSpellingsAreOneName()
    {
        var typedOnAMac = User.Register(DecomposedZoe, Build.Start);
        var typedElsewhere = User.Register(ComposedZoe, Build.Start);

        Assert.Equal(ComposedZoe, typedOnAMac.Username);
        Assert.True(typedOnAMac.Username.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(typedElsewhere.NormalizedUsername, typedOnAMac.NormalizedUsername);
    }

    [Fact]
    public void Register_KeysTheNameIgnoringCase_ButKeepsHowItWasWritten()
    {
        var alice = User.Register("Alice", Build.Start);

        Assert.Equal("Alice", alice.Username);
        Assert.Equal(User.Register("aLICE", Build.Start).NormalizedUsername, alice.NormalizedUsername);
    }

    [Theory]
    [InlineData("Server")]
    [InlineData("server")]
    [InlineData("SERVER")]
    [InlineData("sErVeR")]
    public void Problem_ForTheServerName_InAnyCase_SaysItIsReserved(string name)
    {
        Assert.Equal($"The name '{name}' is reserved.", Username.Problem(name));
        Assert.Throws<DomainException>(() => User.Register(name, Build.Start));
    }

    [Fact]
    public void Problem_ForNamesThatMerelyContainServer_IsNone()
    {
        Assert.Null(Username.Problem("Servers"));
        Assert.Null(Username.Problem("myserver"));
    }

    [Fact]
    public void Register_WithABadName_IsRefusedWithTheRule()
    {
        var refused = Assert.Throws<DomainException>(() => User.Register("bob!", Build.Start));

        Assert.Equal(Username.RuleText, refused.Message);
    }

    [Fact]
    public void RegisterRobot_MakesAUserThatIsARobot()
    {
        var robot = User.RegisterRobot("eliza", Build.Start);

        Assert.True(robot.IsRobot);
        Assert.True(robot.IsSignedIn);
        Assert.False(User.Register("alice", Build.Start).IsRobot);
    }

    [Fact]
    public void SignOut_EndsTheSignIn_AndOnlyOnce()
    {
        var alice = User.Register("alice", Build.Start);

        alice.SignOut(Build.At(5));

        Assert.False(alice.IsSignedIn);
        Assert.Equal(Build.At(5), alice.SignedOutAt);
        var refused = Assert.Throws<DomainException>(() => alice.SignOut(Build.At(6)));
        Assert.Equal("You are already signed out.", refused.Message);
        Assert.Equal(Build.At(5), alice.SignedOutAt);
    }

    [Theory]
    [InlineData("ali\uD800ce")]
    [InlineData("\uDC00")]
    public void Problem_ForTextWithALoneSurrogate_GivesTheRuleInsteadOfThrowing(string name)
    {
        Assert.Equal(Username.RuleText, Username.Problem(name));
    }
    [Fact]
    public void Problem_ForFullWidthServer_SaysItIsReserved()
    {
        Assert.Contains("reserved", Username.Problem("\uFF33\uFF45\uFF52\uFF56\uFF45\uFF52"), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_OfFullWidthName_IsTheKeyOfTheNarrowName()
    {
        Assert.Equal(Names.Key("alice"), Names.Key("\uFF41\uFF4C\uFF49\uFF43\uFF45"));
    }

    [Fact]
    public void Problem_ForLettersThatExpandBeyondTheStoredKey_GivesTheRule()
    {
        // U+FDFA is one letter that compatibility normalisation turns into eighteen.
        Assert.Equal(Username.RuleText, Username.Problem(new string('\uFDFA', 30)));
    }
}
