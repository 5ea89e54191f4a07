using System.Buffers.Binary;

namespace GraphIntel.Api.Tests.Browser;

/// <summary>The header of a PNG file (signature and IHDR chunk), read without an image library.</summary>
public sealed record Png(int Width, int Height, long Length)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the header of the PNG at <paramref name="path"/>; throws when the file is not a PNG.</summary>
    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4)
        if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(Signature) || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException($"{path} is not a PNG file ({bytes.Length} bytes)");
        return new Png(
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)),
            bytes.Length);
    }
}
