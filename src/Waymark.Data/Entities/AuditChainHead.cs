namespace Waymark.Data.Entities;

/// <summary>
/// The audit log's last sequence number and hash, in one row. Sealing locks and moves it, so writers queue on it; and
/// verification compares it with the last entry, so entries cut from the end of the log are noticed.
/// </summary>
public class AuditChainHead
{
    public const int TheHead = 1;

    public int Id { get; set; }

    public long Sequence { get; set; }

    public required byte[] Hash { get; set; }
}
