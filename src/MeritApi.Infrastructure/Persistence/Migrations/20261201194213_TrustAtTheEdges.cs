using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeritApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Blind views carry no NIP digit (the masked NIP of stored results is dropped: it showed digit 15, the sex digit);
    /// idempotency records expire and keep the committee scope their answer depended on; competencies may carry an
    /// administrator's exemption for non-merit vocabulary; decision choices within the best 3n are reasoned choices and only
    /// those beyond it merit deviations (the stored standings are renamed; no seal or audit hash covers these rows).
    /// </summary>
    public partial class TrustAtTheEdges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "masked_nip",
                table: "candidate_results");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "idempotency_keys",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "idempotency_keys",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "competencies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "vocabulary_exemption_approved_at",
                table: "competencies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "vocabulary_exemption_approved_by",
                table: "competencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "vocabulary_exemption_justification",
                table: "competencies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "vocabulary_exemption_terms",
                table: "competencies",
                type: "text[]",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at");

            // Stored keys get the default retention from when they were made.
            migrationBuilder.Sql("UPDATE idempotency_keys SET expires_at = created_at + interval '24 hours';");

            // Decision choices are append-only for the API's role; the owner running this migration re-labels them.
            migrationBuilder.Sql("""
                ALTER TABLE decision_choices DISABLE TRIGGER decision_choices_append_only;
                UPDATE decision_choices SET standing = 'ReasonedChoice' WHERE standing = 'WithinBestThree';
                UPDATE decision_choices SET standing = 'MeritDeviation' WHERE standing = 'OutsideBestThree';
                ALTER TABLE decision_choices ENABLE TRIGGER decision_choices_append_only;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE decision_choices DISABLE TRIGGER decision_choices_append_only;
                UPDATE decision_choices SET standing = 'WithinBestThree' WHERE standing = 'ReasonedChoice';
                UPDATE decision_choices SET standing = 'OutsideBestThree' WHERE standing = 'MeritDeviation';
                ALTER TABLE decision_choices ENABLE TRIGGER decision_choices_append_only;
                """);

            migrationBuilder.DropIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "vocabulary_exemption_approved_at",
                table: "competencies");

            migrationBuilder.DropColumn(
                name: "vocabulary_exemption_approved_by",
                table: "competencies");

            migrationBuilder.DropColumn(
                name: "vocabulary_exemption_justification",
                table: "competencies");

            migrationBuilder.DropColumn(
                name: "vocabulary_exemption_terms",
                table: "competencies");

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "competencies",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "masked_nip",
                table: "candidate_results",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");
        }
    }
}
