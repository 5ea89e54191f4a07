using System.Buffers;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of bytes over arrays rented from <see cref="ArrayPool{T}.Shared"/>: a response is
/// serialized into it whole, so it can be sent with its <c>Content-Length</c> in one write, and the array goes back
/// to the pool on <see cref="Dispose"/>. Not thread-safe; one instance per response.
/// <para>
/// Bounded: no more than <c>maxBytes</c> are ever written to it (<see cref="Advance"/> throws
/// <see cref="ResponseTooLargeException"/> at the first byte past them), and it grows no further than the limit plus the
/// room asked for the one value being written (a pooled array may round that up to the next power of two). It stops
/// with <see cref="OperationCanceledException"/> when <c>deadline</c> is cancelled, checked each time the buffer fills.
/// </para>
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumGrowth = 256;

    private readonly long _maxBytes;
    private readonly CancellationToken _deadline;
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity, long maxBytes = long.MaxValue, CancellationToken deadline = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _maxBytes = maxBytes;
        _deadline = deadline;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(initialCapacity, maxBytes));
    }

    /// <summary>The bytes written so far; valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written)
        {
            throw new InvalidOperationException($"Cannot advance {count} bytes: only {_buffer.Length - _written} bytes of the buffer are free.");
        }
        if (_written + (long)count > _maxBytes)
        {
            throw new ResponseTooLargeException(_maxBytes);
        }
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void EnsureFree(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        _deadline.ThrowIfCancellationRequested();
        // Double (at least), so a large response costs a logarithmic number of copies — but not past the limit, except by
        // the room asked for the value being written (whose bytes past the limit Advance refuses).
        var doubled = Math.Max((long)_written + Math.Max(needed, MinimumGrowth), 2L * _buffer.Length);
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max((long)_written + needed, Math.Min(doubled, _maxBytes)));
        if (capacity - _written < needed)
        {
            throw new InvalidOperationException($"A response larger than {Array.MaxLength} bytes cannot be buffered.");
        }
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
