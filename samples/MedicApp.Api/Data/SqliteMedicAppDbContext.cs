using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MedicApp.Api.Data;

/// <summary>The embedded database: a SQLite file, created on first run.</summary>
internal sealed class SqliteMedicAppDbContext(DbContextOptions<SqliteMedicAppDbContext> options) : MedicAppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date type: times are stored as numbers, so that the jobs' comparisons and orderings are exact.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
