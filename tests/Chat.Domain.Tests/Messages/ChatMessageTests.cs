using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Domain.Users;

namespace Chat.Domain.Tests.Messages;

public sealed class ChatMessageTests
{
    [Theory]
    [InlineData("hi")]
    [InlineData("  spaced out  ")]
    [InlineData("line one\nline two")]
    [InlineData("👋🏽 hello 👨‍👩‍👧")]
    [InlineData("שלום עולם")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("mixed: abc שלום 123")]
    [InlineData("Zoe\u0308 decomposed")]
    public void Post_KeepsTheTextExactly(string text)
    {
        var message = ChatMessage.Post(sessionId: 3, senderId: 7, "alice", text, Build.Start);

        Assert.Equal(text, message.Text);
        Assert.Equal(MessageKind.Chat, message.Kind);
        Assert.Equal("alice", message.Sender);
        Assert.Equal(7, message.SenderId);
        Assert.Equal(3, message.SessionId);
        Assert.Equal(Build.Start, message.Timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t ")]
    public void Post_OfNothingButWhitespace_IsRefused(string text)
    {
        var refused = Assert.Throws<DomainException>(() => ChatMessage.Post(3, 7, "alice", text, Build.Start));

        Assert.Equal("A message cannot be empty.", refused.Message);
    }

    [Fact]
    public void TextProblem_ForNoText_SaysItCannotBeEmpty()
    {
        Assert.Equal("A message cannot be empty.", ChatMessage.TextProblem(null));
    }

    [Fact]
    public void Post_AllowsTwoThousandCharacters_AndNoMore()
    {
        var longest = new string('x', ChatMessage.MaxLength);

        Assert.Equal(longest, ChatMessage.Post(3, 7, "alice", longest, Build.Start).Text);
        var refused = Assert.Throws<DomainException>(() => ChatMessage.Post(3, 7, "alice", longest + "x", Build.Start));
        Assert.Equal("A message is at most 2000 characters.", refused.Message);
    }

    [Fact]
    public void Post_CountsAnEmojiAsOneCharacter()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", ChatMessage.MaxLength));

        Assert.Null(ChatMessage.TextProblem(emoji));
        Assert.NotNull(ChatMessage.TextProblem(emoji + "😀"));
    }

    [Fact]
    public void Post_CountsAnEmojiAmongPlainLettersAsOneCharacter()
    {
        var line = new string('x', ChatMessage.MaxLength - 1) + "😀";

        Assert.Null(ChatMessage.TextProblem(line));
        Assert.NotNull(ChatMessage.TextProblem("x" + line));
    }

    [Fact]
    public void Notice_ComesFromTheServer()
    {
        var notice = ChatMessage.Notice(3, "alice has joined the room.", Build.Start);

        Assert.Equal(Username.Server, notice.Sender);
        Assert.Null(notice.SenderId);
        Assert.Equal(MessageKind.System, notice.Kind);
        Assert.Equal("alice has joined the room.", notice.Text);
    }

    [Fact]
    public void Post_OfTextWithALoneSurrogate_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => ChatMessage.Post(3, 7, "alice", "broken \uD83D text", Build.Start));

        Assert.Equal("A message must be valid Unicode text.", refused.Message);
    }
}
