namespace GraphIntel.GraphQL.Language;

public ref partial struct Lexer
{
    /// <summary>
    /// IntValue :: IntegerPart [lookahead != {Digit, ., NameStart}];
    /// FloatValue :: IntegerPart FractionalPart? ExponentPart? [lookahead != {Digit, ., NameStart}].
    /// </summary>
    private readonly Token ReadNumber(int start)
    {
        var position = start;
        var code = CharAt(position);
        var isFloat = false;

        // NegativeSign
        if (code == '-')
        {
            code = CharAt(++position);
        }

        // IntegerPart: 0 | NonZeroDigit Digit*
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position);
            code = CharAt(position);
        }

        // FractionalPart :: . Digit+
        if (code == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
            code = CharAt(position);
        }

        // ExponentPart :: ExponentIndicator Sign? Digit+
        if (code is 'e' or 'E')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-')
            {
                ++position;
            }
            position = ReadDigits(position);
            code = CharAt(position);
        }

        // A number cannot be directly followed by "." or a NameStart.
        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        return CreateToken(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    /// <summary>Digit+ — returns the position after the last digit.</summary>
    private readonly int ReadDigits(int start)
    {
        if (!IsDigit(CharAt(start)))
        {
            throw Error(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }
        var position = start + 1;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }
        return position;
    }
}
