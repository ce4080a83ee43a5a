using System.Globalization;
using System.Text;

namespace Chat.Domain.Common;

/// <summary>
/// Normalisation shared by user and room names: NFC so that "Zoë" typed on two
/// keyboards is one name, and a compatibility, upper-case key so uniqueness
/// ignores case and look-alike widths.
/// </summary>
public static class Names
{
    /// <summary>NFC form; text that is not valid UTF-16 is returned as is, for the rules to refuse.</summary>
    public static string Normalize(string value) =>
        IsValidText(value) ? value.Normalize(NormalizationForm.FormC) : value;

    /// <summary>False when the text holds a lone surrogate, which JSON can carry but no database stores faithfully.</summary>
    public static bool IsValidText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    /// <summary>
    /// The comparison key: compatibility-normalised (NFKC) and upper-cased, so that
    /// a full-width "ａｌｉｃｅ" or "Ｓｅｒｖｅｒ" cannot pass for "alice" or "Server".
    /// </summary>
    public static string Key(string value) =>
        (IsValidText(value) ? value.Normalize(NormalizationForm.FormKC) : value).ToUpperInvariant();

    /// <summary>Length in Unicode scalar values, so a letter outside the BMP counts once.</summary>
    /// <remarks>
    /// Text without surrogates (nearly every chat line) is as long as its UTF-16 length;
    /// only the rest is walked rune by rune, a lone surrogate counting once as well.
    /// </remarks>
    public static int LengthOf(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return value.Length;
        }

        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    public static bool All(string value, Func<Rune, bool> allowed)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!allowed(rune))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsLetterOrDigit(Rune rune) =>
        Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber;
}
