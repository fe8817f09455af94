using System.Globalization;
using System.Text;

namespace MedicApp.Api.Features.Prescriptions;

/// <summary>Renders a prescription as a one-page PDF (PDF 1.4, Helvetica, WinAnsi text).</summary>
internal static class PrescriptionDocument
{
    public const int MaxLength = 64 * 1024;
    public const string ContentType = "application/pdf";

    private static readonly Encoding s_latin1 = Encoding.Latin1;

    public static byte[] Render(string practitionerId, DateTimeOffset date, IReadOnlyList<PrescriptionItem> items)
    {
        var lines = new List<string> { "Ordonnance", $"Praticien : {practitionerId}", $"Date : {date:yyyy-MM-dd}", "" };
        for (var i = 0; i < items.Count; i++)
        {
            lines.Add($"{i + 1}. {items[i].Medication} - {items[i].Dosage}" + (string.IsNullOrWhiteSpace(items[i].Duration) ? "" : $" - {items[i].Duration}"));
        }

        var content = new StringBuilder("BT /F1 12 Tf 14 TL 72 770 Td\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(Escape(line)).Append(") '\n");
        }

        content.Append("ET\n");
        var stream = s_latin1.GetBytes(content.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {stream.Length} >>\nstream\n{s_latin1.GetString(stream)}endstream",
        ];

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n");
        var offsets = new long[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = pdf.Position;
            Write(pdf, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    // Characters outside Latin-1 become '?': the document stays valid whatever was typed.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '(' or ')' or '\\' => "\\" + c,
                < ' ' or > 'ÿ' => "?",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static void Write(Stream stream, string text) => stream.Write(s_latin1.GetBytes(text));
}
