using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>The production database: PostgreSQL (Azure Database for PostgreSQL flexible server).</summary>
internal sealed class PostgreSqlMedicAppDbContext(DbContextOptions<PostgreSqlMedicAppDbContext> options) : MedicAppDbContext(options);
