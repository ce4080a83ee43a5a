namespace Chat.Domain.Messages;

public enum MessageKind
{
    Chat,
    System,
}
