using System.Buffers;

namespace GraphIntel.GraphQL.Language;

public ref partial struct Lexer
{
    private const int StackBufferLength = 256;

    /// <summary>
    /// StringValue :: "" [lookahead != "] | " StringCharacter+ " — validates the string; its value is built later by
    /// <see cref="GetValue"/>.
    /// </summary>
    private readonly Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        Span<char> ignored = stackalloc char[2];
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code == '"')
            {
                return CreateToken(TokenKind.String, start, position + 1);
            }
            if (code == '\\')
            {
                var size = DecodeEscape(body, position, ignored, out _);
                if (size <= 0)
                {
                    throw Error(position, EscapeError(body, position, -size));
                }
                position += size;
                continue;
            }
            if (code is '\n' or '\r')
            {
                break;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }
        throw Error(position, "Unterminated string.");
    }

    /// <summary>StringValue :: """ BlockStringCharacter* """ — validates the block string and counts its lines.</summary>
    private Token ReadBlockString(int start)
    {
        var body = _body;
        var line = _line;
        var lineStart = _lineStart;
        var position = start + 3;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                var token = CreateToken(TokenKind.BlockString, start, position + 3);
                _line = line;
                _lineStart = lineStart;
                return token;
            }
            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                position += 4;
                continue;
            }
            if (code is '\n' or '\r')
            {
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                line++;
                lineStart = position;
                continue;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
            }
        }
        throw Error(position, "Unterminated string.");
    }

    /// <summary>The value of a (validated) quoted string's contents: escapes resolved; no copy beyond the result.</summary>
    private static string StringValue(ReadOnlySpan<char> raw)
    {
        var firstEscape = raw.IndexOf('\\');
        if (firstEscape < 0)
        {
            return new string(raw);
        }
        // An escape sequence never decodes to more characters than it is written with.
        char[]? rented = null;
        var buffer = raw.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            raw[..firstEscape].CopyTo(buffer);
            var length = firstEscape;
            var position = firstEscape;
            while (position < raw.Length)
            {
                var code = raw[position];
                if (code == '\\')
                {
                    position += DecodeEscape(raw, position, buffer[length..], out var written);
                    length += written;
                }
                else
                {
                    buffer[length++] = code;
                    position++;
                }
            }
            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Decodes the escape sequence starting with the backslash at <paramref name="position"/>:
    /// \u{HexDigit+}, \u HexDigit×4 (a surrogate pair as two such escapes), or \ EscapedCharacter.
    /// Returns the sequence's length and writes 1 or 2 UTF-16 units into <paramref name="value"/>;
    /// when invalid, returns minus the number of characters to quote in the error.
    /// </summary>
    private static int DecodeEscape(ReadOnlySpan<char> body, int position, Span<char> value, out int written)
    {
        written = 0;
        if (At(body, position + 1) != 'u')
        {
            char decoded;
            switch (At(body, position + 1))
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                default: return -2;
            }
            value[0] = decoded;
            written = 1;
            return 2;
        }

        if (At(body, position + 2) == '{')
        {
            // \u{...}: at most 8 hex digits; must encode a Unicode scalar value.
            var point = 0;
            var size = 3;
            while (size < 12)
            {
                var code = At(body, position + size++);
                if (code == '}')
                {
                    if (size < 5 || !IsUnicodeScalarValue(point))
                    {
                        break;
                    }
                    written = WriteCodePoint(point, value);
                    return size;
                }
                point = (point << 4) | HexValue(code);
                if (point < 0)
                {
                    break;
                }
            }
            return -size;
        }

        var unit = Read16BitHex(body, position + 2);
        if (IsUnicodeScalarValue(unit))
        {
            value[0] = (char)unit;
            written = 1;
            return 6;
        }
        // A JSON-style surrogate pair: both halves escaped, forming a valid pair.
        if (unit is >= 0xD800 and <= 0xDBFF && At(body, position + 6) == '\\' && At(body, position + 7) == 'u')
        {
            var trailing = Read16BitHex(body, position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value[0] = (char)unit;
                value[1] = (char)trailing;
                written = 2;
                return 12;
            }
        }
        return -6;
    }

    private static string EscapeError(ReadOnlySpan<char> body, int position, int length)
    {
        var text = body.Slice(position, Math.Min(length, body.Length - position));
        return length == 2
            ? $"Invalid character escape sequence: \"{text}\"."
            : $"Invalid Unicode escape sequence: \"{text}\".";
    }

    private static int WriteCodePoint(int point, Span<char> value)
    {
        if (point < 0x10000)
        {
            value[0] = (char)point;
            return 1;
        }
        point -= 0x10000;
        value[0] = (char)(0xD800 + (point >> 10));
        value[1] = (char)(0xDC00 + (point & 0x3FF));
        return 2;
    }

    private static char At(ReadOnlySpan<char> body, int position) => (uint)position < (uint)body.Length ? body[position] : '\0';

    /// <summary>Four hex digits as a number, or a negative number when any is not a hex digit.</summary>
    private static int Read16BitHex(ReadOnlySpan<char> body, int position) =>
        (HexValue(At(body, position)) << 12) | (HexValue(At(body, position + 1)) << 8)
        | (HexValue(At(body, position + 2)) << 4) | HexValue(At(body, position + 3));

    private static int HexValue(char code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };
}
