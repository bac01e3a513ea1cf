namespace Waymark.Testing;

/// <summary>
/// The real clock moved by <see cref="Offset"/>, so a journey test can jump to next September
/// (the move to secondary school) and back. Zero unless a test sets it.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
