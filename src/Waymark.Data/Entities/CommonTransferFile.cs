namespace Waymark.Data.Entities;

/// <summary>
/// A common transfer file Waymark made: its DfE name, who it was from and to, and who made it. Keeps the sequence
/// numbers of each sender and receiver pair, so two files between them never share a name. The pupils it carried
/// are in each child's sharing ledger.
/// </summary>
public class CommonTransferFile
{
    public int Id { get; set; }

    /// <summary>LLLEEEE_CTF_LLLEEEE_NNN.xml.</summary>
    public required string FileName { get; set; }

    /// <summary>The sender's seven characters in the file name: a LAESTAB, or an LA number and LLLL.</summary>
    public required string SourceCode { get; set; }

    /// <summary>The receiver's seven characters: a LAESTAB, an LA number and LLLL, MMMMMMM or XXXXXXX.</summary>
    public required string DestinationCode { get; set; }

    public int Sequence { get; set; }

    public int Pupils { get; set; }

    public DateTime MadeAtUtc { get; set; }

    /// <summary>The Waymark user who made it; null when the command line did, run by the server's operator.</summary>
    public string? MadeByUserId { get; set; }

    /// <summary>How it was made, e.g. "the transition page" or "command line, run by jo on app-01".</summary>
    public required string MadeVia { get; set; }
}
