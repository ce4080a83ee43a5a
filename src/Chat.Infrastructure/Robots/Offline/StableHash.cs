using System.Text;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// FNV-1a over UTF-8. <see cref="string.GetHashCode()"/> is randomised per process,
/// so it cannot make a reply reproducible across restarts; this can.
/// </summary>
internal struct StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private ulong _value;

    public static StableHash Start() => new() { _value = OffsetBasis };

    public void Add(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(bytes, value);
        Add(bytes);
    }

    public void Add(string? value)
    {
        if (value is null)
        {
            Add(-1);
            return;
        }

        Add(Encoding.UTF8.GetBytes(value));

        // A separator, so ("ab", "c") and ("a", "bc") hash differently.
        Add(0);
    }

    public readonly int ToSeed() => unchecked((int)(_value ^ (_value >> 32)));

    private void Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _value = unchecked((_value ^ b) * Prime);
        }
    }
}
