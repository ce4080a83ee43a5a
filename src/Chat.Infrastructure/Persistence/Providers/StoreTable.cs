using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Infrastructure.Persistence.Providers;

/// <summary>
/// An entity's table as the provider names it, for the few statements the service writes
/// itself: the table and its columns delimited by the provider's own helper, read from the
/// model, so a renamed table or column is followed on every provider.
/// </summary>
internal sealed record StoreTable(string Name, IEntityType Entity, StoreObjectIdentifier Store, ISqlGenerationHelper Sql)
{
    public static StoreTable Of<TEntity>(DbContext db, ISqlGenerationHelper sql)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sql);
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new StoreTable(sql.DelimitIdentifier(store.Name, store.Schema), entity, store, sql);
    }

    public string Column(string property) => Sql.DelimitIdentifier(Property(property).GetColumnName(Store)!);

    public RelationalTypeMapping Mapping(string property) => Property(property).GetRelationalTypeMapping();

    private IProperty Property(string name) => Entity.FindProperty(name)
        ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{name} is not in the model.");
}
