namespace Waymark.Domain.Schools;

/// <summary>GIAS "PhaseOfEducation".</summary>
public enum SchoolPhase
{
    NotApplicable,
    Nursery,
    Primary,
    MiddleDeemedPrimary,
    MiddleDeemedSecondary,
    Secondary,
    SixteenPlus,
    AllThrough,
}
