using Chat.Application.Common.Models;
using Chat.Application.Sessions.ListSessions;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Riok.Mapperly.Abstractions;

namespace Chat.Application.Common.Mapping;

/// <summary>Entity to wire-object mappings, generated at compile time (ADR-002).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ChatMapper
{
    [MapProperty(nameof(ChatSession.HostName), nameof(SessionDto.Host))]
    public static partial SessionDto ToDto(this ChatSession session);

    [MapProperty(nameof(ListedSession.HostName), nameof(SessionDto.Host))]
    public static partial SessionDto ToDto(this ListedSession session);

    [MapProperty(nameof(ChatMessage.Sender), nameof(MessageDto.From))]
    [MapProperty(nameof(ChatMessage.Text), nameof(MessageDto.Message))]
    public static partial MessageDto ToDto(this ChatMessage message, string room);

    private static string PlayerName(SessionMember member) => member.Username;

    private static string ListedPlayerName(ListedPlayer player) => player.Username;
}
