using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>The pooled buffer a response is serialized into before it is sent with its length.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Writes_accumulate_in_order_across_growth()
    {
        using var writer = new PooledBufferWriter(4);
        var expected = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            var span = writer.GetSpan(3);
            Assert.True(span.Length >= 3);
            span[0] = (byte)i;
            span[1] = (byte)(i >> 8);
            span[2] = 0xAB;
            writer.Advance(3);
            expected.AddRange([(byte)i, (byte)(i >> 8), 0xAB]);
        }

        Assert.Equal(expected, writer.WrittenMemory.ToArray());
    }

    [Fact]
    public void GetMemory_without_a_hint_gives_at_least_one_free_byte()
    {
        using var writer = new PooledBufferWriter(1);
        writer.GetSpan()[0] = 1;
        writer.Advance(1);

        Assert.False(writer.GetMemory().IsEmpty);
    }

    [Fact]
    public void Advancing_past_the_free_space_says_how_much_is_free()
    {
        using var writer = new PooledBufferWriter(16);
        var free = writer.GetSpan().Length;

        var error = Assert.Throws<InvalidOperationException>(() => writer.Advance(free + 1));
        Assert.Contains($"only {free} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_writer_refuses_writes()
    {
        var writer = new PooledBufferWriter(16);
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
        Assert.True(writer.WrittenMemory.IsEmpty);
        writer.Dispose(); // twice is harmless
    }
}

/// <summary>The buffer's byte limit: no byte past it is ever written, and the refusal names it.</summary>
public sealed class PooledBufferWriterLimitTests
{
    [Fact]
    public void Writing_up_to_the_limit_succeeds_and_one_byte_more_throws()
    {
        using var writer = new PooledBufferWriter(16, maxBytes: 100);
        for (var i = 0; i < 100; i++)
        {
            writer.GetSpan(1)[0] = (byte)i;
            writer.Advance(1);
        }
        writer.GetSpan(1);

        var error = Assert.Throws<ResponseTooLargeException>(() => writer.Advance(1));
        Assert.Equal(100, error.LimitBytes);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), writer.WrittenMemory.ToArray());
    }

    [Fact]
    public void Growth_stops_at_the_limit_plus_the_room_asked_for()
    {
        using var writer = new PooledBufferWriter(16, maxBytes: 1000);
        writer.GetSpan(1);
        writer.Advance(16);
        // Doubling would give 32; asking for 2,000 gives at least 16 + 2,000, rounded up by the pool, no more than twice that.
        Assert.InRange(writer.GetSpan(2000).Length, 2000, 2 * 2016);
        writer.Advance(984);
        Assert.Throws<ResponseTooLargeException>(() => writer.Advance(1));
    }
}
