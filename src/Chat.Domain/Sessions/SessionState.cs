namespace Chat.Domain.Sessions;

public enum SessionState
{
    Pending,
    Active,
    Inactive,
}
