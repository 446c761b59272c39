using System.Text;

namespace MeritApi.Api.Rendering;

/// <summary>
/// RFC 4180 CSV rows, every field quoted. Text that a spreadsheet would run as a formula is defused with an apostrophe: a
/// trigger (= + - @, tab, carriage return) at the start of the field and after any separator a spreadsheet may split on
/// (',' ';' tab), since an Indonesian-locale spreadsheet splits on ';' and may ignore the quotes.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv";

    public static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        var field = new StringBuilder(value.Length + 2).Append('"');
        var cellStart = true; // at the start of the field or of a piece a separator may split off (spaces skipped)
        foreach (var c in value)
        {
            if (cellStart && IsFormulaTrigger(c))
                field.Append('\'');
            if (c == '"')
                field.Append('"');
            field.Append(c);
            cellStart = c is ',' or ';' or '\t' || (cellStart && c == ' ');
        }
        return field.Append('"').ToString();
    }

    private static bool IsFormulaTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
