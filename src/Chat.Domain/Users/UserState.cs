namespace Chat.Domain.Users;

public enum UserState
{
    Waiting,
    Active,
}
