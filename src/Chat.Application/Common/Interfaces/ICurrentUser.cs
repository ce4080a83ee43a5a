namespace Chat.Application.Common.Interfaces;

/// <summary>Who is calling: the user of the auth cookie, for HTTP requests and hub calls alike.</summary>
public interface ICurrentUser
{
    int? Id { get; }

    string? Username { get; }
}
