using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedicApp.Api.Data.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TrackedAt = table.Column<long>(type: "bigint", nullable: false),
                    Properties = table.Column<string>(type: "text", nullable: false),
                    TraceId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SpanId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    AvailableAt = table.Column<long>(type: "bigint", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    LastError = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
