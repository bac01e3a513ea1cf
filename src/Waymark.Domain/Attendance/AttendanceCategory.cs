namespace Waymark.Domain.Attendance;

/// <summary>How DfE statistics count a register mark (standards §2.1).</summary>
public enum AttendanceCategory
{
    Present,

    /// <summary>Attending an approved educational activity: counts as attendance.</summary>
    ApprovedEducationalActivity,

    AuthorisedAbsence,

    UnauthorisedAbsence,

    /// <summary>Left out of possible sessions altogether.</summary>
    NotCounted,
}

public enum Session
{
    AM,
    PM,
}
