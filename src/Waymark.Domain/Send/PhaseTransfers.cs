using Waymark.Domain.Calendar;
using Waymark.Domain.Schools;

namespace Waymark.Domain.Send;

/// <summary>The moves between phases of education that SEND Regulations 2014 reg 18 gives a deadline.</summary>
public enum PhaseTransferKind
{
    EarlyYearsToSchool,
    InfantToJunior,
    PrimaryToMiddle,
    PrimaryToSecondary,
    MiddleToSecondary,
    SecondaryToPost16,

    /// <summary>Reg 18(2): from one post-16 institution to another at any other time of year.</summary>
    Post16ToPost16,
}

/// <summary>
/// Reg 18(1): a plan must be reviewed and amended, naming the new school, by 15 February of the calendar year of
/// transfer (31 March for secondary to post-16). The usual transfer is in September, so the deadline falls in the
/// spring term before it: for a child moving up in September 2027 it is 15 February 2027, not 2028.
/// </summary>
public static class PhaseTransfers
{
    public static IReadOnlyList<PhaseTransferKind> All { get; } = Enum.GetValues<PhaseTransferKind>().AsReadOnly();

    public static string DisplayName(PhaseTransferKind kind) => kind switch
    {
        PhaseTransferKind.EarlyYearsToSchool => "Early years to school",
        PhaseTransferKind.InfantToJunior => "Infant to junior",
        PhaseTransferKind.PrimaryToMiddle => "Primary to middle",
        PhaseTransferKind.PrimaryToSecondary => "Primary to secondary",
        PhaseTransferKind.MiddleToSecondary => "Middle to secondary",
        PhaseTransferKind.SecondaryToPost16 => "Secondary to post-16",
        PhaseTransferKind.Post16ToPost16 => "Between post-16 institutions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown phase transfer."),
    };

    /// <summary>
    /// The statutory deadline for a transfer on <paramref name="transferOn"/>: 15 February or 31 March of the same calendar
    /// year, or for a move between post-16 institutions "at least five months before" it. Five calendar months back from
    /// a day the earlier month lacks (31 July) lands on that month's last day (28 or 29 February), which is still at least
    /// five months before, so the duty is never made later than the law sets it.
    /// </summary>
    public static DateOnly DeadlineFor(PhaseTransferKind kind, DateOnly transferOn) => kind switch
    {
        PhaseTransferKind.SecondaryToPost16 => new DateOnly(transferOn.Year, 3, 31),
        PhaseTransferKind.Post16ToPost16 => transferOn.AddMonths(-5),
        _ => new DateOnly(transferOn.Year, 2, 15),
    };

    /// <summary>How the form describes each kind's deadline.</summary>
    public static string DeadlineRule(PhaseTransferKind kind) => kind switch
    {
        PhaseTransferKind.SecondaryToPost16 => "Amend by 31 March of the year of transfer",
        PhaseTransferKind.Post16ToPost16 => "At any other time of year: amend at least 5 months before the transfer",
        _ => "Amend by 15 February of the year of transfer",
    };

    /// <summary>The September transfer at the end of <paramref name="year"/>: 1 September of the next calendar year.</summary>
    public static DateOnly SeptemberTransferAfter(AcademicYear year) => new(year.StartYear + 1, 9, 1);

    /// <summary>
    /// The transfer a child in <paramref name="ncYear"/> at a school of <paramref name="phase"/> makes at the end of the
    /// year, or null when none is implied. Infant and middle schools' leaving years vary (GIAS's phase does not tell an
    /// infant school from a primary), so only the unambiguous ones are implied; the SEN team records any other by hand.
    /// </summary>
    public static PhaseTransferKind? ExpectedAfter(NcYear ncYear, SchoolPhase phase) => (ncYear.Value, phase) switch
    {
        (-1, _) => PhaseTransferKind.EarlyYearsToSchool,
        (_, SchoolPhase.Nursery) => PhaseTransferKind.EarlyYearsToSchool,
        (6, SchoolPhase.Primary) => PhaseTransferKind.PrimaryToSecondary,
        (8, SchoolPhase.MiddleDeemedSecondary) => PhaseTransferKind.MiddleToSecondary,
        (11, SchoolPhase.Secondary or SchoolPhase.AllThrough) => PhaseTransferKind.SecondaryToPost16,
        _ => null,
    };

    /// <summary>Amended (with the new school named) on or before the deadline.</summary>
    public static bool AmendedInTime(DateOnly deadline, DateOnly? amendedOn) => amendedOn is DateOnly a && a <= deadline;
}
