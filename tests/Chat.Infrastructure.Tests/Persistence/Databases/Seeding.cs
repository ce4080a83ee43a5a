namespace Chat.Infrastructure.Tests.Persistence.Databases;

/// <summary>
/// Arranging rows directly, each batch in a context of its own as a separate request
/// would. Attached rather than added: a user stored earlier and reachable from a new
/// session (its host's seat) is referenced, not inserted again.
/// </summary>
internal static class Seeding
{
    public static async Task<T> Store<T>(this TestDatabase database, T entity, CancellationToken cancellationToken)
        where T : class
    {
        await database.StoreAll([entity], cancellationToken);
        return entity;
    }

    public static async Task<IReadOnlyList<T>> StoreAll<T>(this TestDatabase database, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = database.NewContext();
        db.AttachRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        return entities;
    }
}
