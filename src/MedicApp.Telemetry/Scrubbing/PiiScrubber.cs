using System;
using System.Buffers;
using System.Collections.Generic;

namespace MedicApp.Telemetry;

/// <summary>
/// Replaces the personal values of a text with typed placeholders (<c>[email]</c>, <c>[phone]</c>, <c>[nir]</c>,
/// <c>[iban]</c>, <c>[card]</c>, <c>[ip]</c>, <c>[token]</c>, <c>[secret]</c>, <c>[birthdate]</c>) and keeps every other character as it
/// was. Identifiers with check digits (NIR, IBAN, card) are replaced only when their check digits hold, so order
/// numbers, amounts, dates, GUIDs and versions stay readable.
/// </summary>
/// <remarks>
/// One pass, linear in the length of the text whatever it holds (no regular expression, no backtracking), and no
/// allocation when the text holds no personal value: <see cref="Scrub(string)"/> then returns the same instance.
/// Names, postal addresses and health details written in prose cannot be recognised by their shape: keep them out of
/// free text, or classify them as personal data.
/// </remarks>
public sealed class PiiScrubber : ITextScrubber
{
    private const int StackMatches = 16;

    private readonly int _kinds;

    /// <summary>Creates a scrubber that replaces every kind of personal value it knows.</summary>
    public PiiScrubber()
        : this(Enum.GetValues<PiiKind>())
    {
    }

    /// <summary>Creates a scrubber that replaces only the given kinds of value, and leaves the others as they are.</summary>
    /// <param name="kinds">The kinds to replace.</param>
    public PiiScrubber(IEnumerable<PiiKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new ArgumentOutOfRangeException(nameof(kinds), kind, "Not a kind of personal value.");
            }

            _kinds |= 1 << (int)kind;
        }
    }

    /// <summary>Gets the shared instance, which replaces every kind of personal value.</summary>
    public static PiiScrubber Default { get; } = new();

    /// <summary>Returns the placeholder that replaces a value of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind of value.</param>
    /// <returns>The placeholder, such as <c>[email]</c>.</returns>
    public static string PlaceholderOf(PiiKind kind) => kind switch
    {
        PiiKind.Email => "[email]",
        PiiKind.Phone => "[phone]",
        PiiKind.Nir => "[nir]",
        PiiKind.Iban => "[iban]",
        PiiKind.Card => "[card]",
        PiiKind.IpAddress => "[ip]",
        PiiKind.Token => "[token]",
        PiiKind.Secret => "[secret]",
        PiiKind.BirthDate => "[birthdate]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Returns <paramref name="text"/> with every personal value replaced by its placeholder.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The scrubbed text; the same instance when nothing was found.</returns>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = default(PiiScanner.ScanState);
        return TryFindNext(text, 0, ref state, out var first) ? Replace(text, first, state) : text;
    }

    /// <summary>Returns <paramref name="text"/> with every personal value replaced by its placeholder.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The scrubbed text.</returns>
    public string Scrub(ReadOnlySpan<char> text)
    {
        var state = default(PiiScanner.ScanState);
        return TryFindNext(text, 0, ref state, out var first) ? Replace(text, first, state) : text.ToString();
    }

    /// <summary>
    /// Writes <paramref name="source"/>, scrubbed, into <paramref name="destination"/>: for hot paths that already own a
    /// buffer. Placeholders can be longer than the values they replace (<c>[ip]</c> for <c>::1</c>).
    /// </summary>
    /// <param name="source">The text.</param>
    /// <param name="destination">Where the scrubbed text goes.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <returns>False when <paramref name="destination"/> is too small; nothing useful is written then.</returns>
    public bool TryScrub(ReadOnlySpan<char> source, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        var state = default(PiiScanner.ScanState);
        var copied = 0;
        while (TryFindNext(source, copied, ref state, out var match))
        {
            if (!Append(source[copied..match.Start], destination, ref charsWritten) || !Append(PlaceholderOf(match.Kind), destination, ref charsWritten))
            {
                return false;
            }

            copied = match.End;
        }

        return Append(source[copied..], destination, ref charsWritten);
    }

    /// <summary>Tells whether <paramref name="text"/> holds a personal value the scrubber recognises.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when <see cref="Scrub(string)"/> would change the text.</returns>
    public bool ContainsPersonalData(ReadOnlySpan<char> text)
    {
        var state = default(PiiScanner.ScanState);
        return TryFindNext(text, 0, ref state, out _);
    }

    /// <summary>Finds every personal value of <paramref name="text"/>, in order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The values found: where they are and what they are.</returns>
    public PiiMatch[] FindAll(ReadOnlySpan<char> text)
    {
        var state = default(PiiScanner.ScanState);
        var matches = new System.Collections.Generic.List<PiiMatch>();
        var from = 0;
        while (TryFindNext(text, from, ref state, out var match))
        {
            matches.Add(match);
            from = match.End;
        }

        return [.. matches];
    }

    private bool TryFindNext(ReadOnlySpan<char> text, int from, ref PiiScanner.ScanState state, out PiiMatch match)
    {
        while (PiiScanner.TryFindNext(text, from, ref state, out match))
        {
            if ((_kinds & (1 << (int)match.Kind)) != 0)
            {
                return true;
            }

            from = match.End;
        }

        return false;
    }

    private string Replace(ReadOnlySpan<char> text, PiiMatch first, PiiScanner.ScanState state)
    {
        var pooled = default(PiiMatch[]);
        Span<PiiMatch> matches = stackalloc PiiMatch[StackMatches];
        var count = 0;
        var length = text.Length;
        var match = first;
        try
        {
            do
            {
                if (count == matches.Length)
                {
                    var larger = ArrayPool<PiiMatch>.Shared.Rent(matches.Length * 2);
                    matches.CopyTo(larger);
                    if (pooled is not null)
                    {
                        ArrayPool<PiiMatch>.Shared.Return(pooled);
                    }

                    pooled = larger;
                    matches = larger;
                }

                matches[count++] = match;
                length += PlaceholderOf(match.Kind).Length - match.Length;
            }
            while (TryFindNext(text, match.End, ref state, out match));

            return Build(text, matches[..count], length);
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<PiiMatch>.Shared.Return(pooled);
            }
        }
    }

    private static string Build(ReadOnlySpan<char> text, ReadOnlySpan<PiiMatch> matches, int length)
    {
        var buffer = length <= 512 ? stackalloc char[length] : new char[length];
        var written = 0;
        var copied = 0;
        foreach (var match in matches)
        {
            text[copied..match.Start].CopyTo(buffer[written..]);
            written += match.Start - copied;
            var placeholder = PlaceholderOf(match.Kind);
            placeholder.CopyTo(buffer[written..]);
            written += placeholder.Length;
            copied = match.End;
        }

        text[copied..].CopyTo(buffer[written..]);
        return new string(buffer);
    }

    private static bool Append(ReadOnlySpan<char> value, Span<char> destination, ref int written)
    {
        if (!value.TryCopyTo(destination[written..]))
        {
            return false;
        }

        written += value.Length;
        return true;
    }
}
