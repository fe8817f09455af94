using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MedicApp.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without a database (see Data/Migrations/README.md).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMedicAppDbContext>
{
    public SqliteMedicAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteMedicAppDbContext>().UseSqlite(DatabaseServiceCollectionExtensions.DefaultConnectionString).Options);
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMedicAppDbContext>
{
    public PostgreSqlMedicAppDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgreSqlMedicAppDbContext>().UseNpgsql("Host=localhost;Database=medicapp").Options);
}
