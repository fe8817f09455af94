using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedicApp.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TelemetryOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TelemetryOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TrackedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Properties = table.Column<string>(type: "text", nullable: false),
                    TraceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SpanId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelemetryOutbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryOutbox_AvailableAt",
                table: "TelemetryOutbox",
                column: "AvailableAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TelemetryOutbox");
        }
    }
}
