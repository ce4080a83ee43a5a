namespace Chat.Infrastructure.Tests.Persistence.Databases;

/// <summary>Where a provider's test databases come from; each call gives a new one.</summary>
public abstract class TestDatabases
{
    /// <summary>A database with no schema at all.</summary>
    public abstract Task<TestDatabase> CreateEmpty(CancellationToken cancellationToken);

    /// <summary>A database migrated to the latest schema, holding no rows.</summary>
    public virtual async Task<TestDatabase> CreateMigrated(CancellationToken cancellationToken)
    {
        var database = await CreateEmpty(cancellationToken);
        try
        {
            await database.Migrate(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
