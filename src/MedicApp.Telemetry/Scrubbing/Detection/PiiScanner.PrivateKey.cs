using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MaxPemLabel = 40;

    /// <summary>
    /// A PEM private key block (gitleaks' private-key rule): the <c>-----BEGIN … PRIVATE KEY-----</c> line, the base64
    /// body and its headers, on real or escaped (<c>\n</c>) lines, and the <c>-----END …-----</c> line when it is there.
    /// The body is read once, up to the first character a block cannot hold.
    /// </summary>
    private static bool TryPrivateKey(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if (!text[start..].StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return false;
        }

        var label = start + "-----BEGIN ".Length;
        var labelEnd = label;
        while (labelEnd < text.Length && labelEnd - label < MaxPemLabel && (char.IsAsciiLetterUpper(text[labelEnd]) || text[labelEnd] == ' '))
        {
            labelEnd++;
        }

        var name = text[label..labelEnd];
        if (!(name.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || name.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal))
            || !text[labelEnd..].StartsWith("-----", StringComparison.Ordinal))
        {
            return false;
        }

        var end = labelEnd + 5;
        while (end < text.Length && IsPemBodyChar(text, end))
        {
            end++;
        }

        if (text[end..].StartsWith("-----END ", StringComparison.Ordinal))
        {
            var footer = end + "-----END ".Length;
            while (footer < text.Length && footer - end < MaxPemLabel + 9 && (char.IsAsciiLetterUpper(text[footer]) || text[footer] == ' '))
            {
                footer++;
            }

            if (text[footer..].StartsWith("-----", StringComparison.Ordinal))
            {
                end = footer + 5;
            }
        }

        match = new PiiMatch(start, end - start, PiiKind.Secret);
        return true;
    }

    // Base64, line breaks (escaped in JSON too) and the headers of an encrypted key (Proc-Type: 4,ENCRYPTED); a dash
    // only when it does not open the END line.
    private static bool IsPemBodyChar(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        return char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or ' ' or '\t' or '\r' or '\n' or '\\' or ':' or ','
            || (c == '-' && !text[index..].StartsWith("-----", StringComparison.Ordinal));
    }
}
