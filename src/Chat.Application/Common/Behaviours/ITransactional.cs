namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Marks a command whose changes are saved in one transaction, opened before its
/// handler runs and committed after it returns; what it announces to the rooms
/// goes out only after that commit (<see cref="Announcements"/>).
/// </summary>
public interface ITransactional;
