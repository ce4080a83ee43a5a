using Chat.Application.Common.Models;
using Chat.Domain.Messages;
using Chat.Domain.Sessions;
using Riok.Mapperly.Abstractions;

namespace Chat.Application.Common.Mapping;

/// <summary>Entity to wire-object mappings, generated at compile time (ADR-002).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ChatMapper
{
    [MapProperty(nameof(ChatSession.HostName), nameof(SessionDto.Host))]
    [MapPropertyFromSource(nameof(SessionDto.Game), Use = nameof(GameOf))]
    public static partial SessionDto ToDto(this ChatSession session);

    [MapProperty(nameof(ChatMessage.Sender), nameof(MessageDto.From))]
    [MapProperty(nameof(ChatMessage.Text), nameof(MessageDto.Message))]
    public static partial MessageDto ToDto(this ChatMessage message, string room);

    private static string PlayerName(SessionMember member) => member.Username;

    private static GameDto? GameOf(ChatSession session) => session.GameDto();
}
