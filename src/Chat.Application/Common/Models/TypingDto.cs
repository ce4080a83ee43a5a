namespace Chat.Application.Common.Models;

/// <summary>The wire form of a typing signal: <c>{"room", "from"}</c>.</summary>
public sealed record TypingDto(string Room, string From);
