using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StoredCommandResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A stored answer is now the command's response, which the old rows' JSON body already is (the same names and
            // enum spellings); the status and Location follow from the endpoint. A row without a body cannot be replayed.
            migrationBuilder.Sql("DELETE FROM idempotency_keys WHERE body IS NULL;");
            migrationBuilder.RenameColumn(name: "body", table: "idempotency_keys", newName: "response");
            migrationBuilder.AlterColumn<string>(name: "response", table: "idempotency_keys", type: "text", nullable: false,
                oldClrType: typeof(string), oldType: "text", oldNullable: true);
            migrationBuilder.DropColumn(name: "location", table: "idempotency_keys");
            migrationBuilder.DropColumn(name: "scope", table: "idempotency_keys");
            migrationBuilder.DropColumn(name: "status_code", table: "idempotency_keys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Answers stored under the new form have no status to restore: they are dropped.
            migrationBuilder.Sql("DELETE FROM idempotency_keys;");
            migrationBuilder.RenameColumn(name: "response", table: "idempotency_keys", newName: "body");
            migrationBuilder.AlterColumn<string>(name: "body", table: "idempotency_keys", type: "text", nullable: true,
                oldClrType: typeof(string), oldType: "text");
            migrationBuilder.AddColumn<string>(name: "location", table: "idempotency_keys", type: "character varying(500)",
                maxLength: 500, nullable: true);
            migrationBuilder.AddColumn<string>(name: "scope", table: "idempotency_keys", type: "character varying(36)",
                maxLength: 36, nullable: true);
            migrationBuilder.AddColumn<int>(name: "status_code", table: "idempotency_keys", type: "integer", nullable: false,
                defaultValue: 0);
        }
    }
}
