namespace Waymark.Data.Entities;

public enum EnrolmentType
{
    /// <summary>Single registration (CTF EnrolStatus C).</summary>
    Single,

    /// <summary>Dual registration, main school (M).</summary>
    DualMain,

    /// <summary>Dual registration, subsidiary school (S), e.g. alternative provision.</summary>
    DualSubsidiary,
}

public class Enrolment
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public EnrolmentType Type { get; set; }

    public bool IsCurrentOn(DateOnly date) => Access.CurrentOn.Covers(StartDate, EndDate, date);
}
