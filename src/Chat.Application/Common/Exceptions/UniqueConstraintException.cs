namespace Chat.Application.Common.Exceptions;

/// <summary>
/// A unique index refused a row: the database's answer to a race that a check
/// before the insert could not see (two people registering one name at once).
/// </summary>
public sealed class UniqueConstraintException(Exception inner)
    : Exception("That value is already taken.", inner);
