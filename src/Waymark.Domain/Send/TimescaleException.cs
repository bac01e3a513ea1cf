namespace Waymark.Domain.Send;

/// <summary>
/// The exceptions in SEND Regulations 2014 reg 13(3) (and the same list in reg 5(4) and 10(4)) under which the LA need
/// not meet the 6- and 20-week limits: it must still act as soon as practicable. A case with one recorded is not counted
/// as late in the LA's figures, but its dates stay on the clock for the team to see.
/// </summary>
public enum TimescaleException
{
    /// <summary>Reg 13(3)(a): advice was asked of a school or college in the week before it closed for at least 4 weeks (e.g. the summer holiday).</summary>
    InstitutionClosed,

    /// <summary>Reg 13(3)(b): exceptional personal circumstances affecting the child or the family.</summary>
    ExceptionalPersonalCircumstances,

    /// <summary>Reg 13(3)(c): the child or family was away from the LA's area for a continuous period of at least 4 weeks.</summary>
    AbsentFromArea,

    /// <summary>Reg 13(3)(d) and reg 8(2): the child or family did not keep an appointment for an examination or test.</summary>
    MissedAppointment,
}

public static class TimescaleExceptions
{
    public static IReadOnlyList<TimescaleException> All { get; } = Enum.GetValues<TimescaleException>().AsReadOnly();

    public static string DisplayName(TimescaleException exception) => exception switch
    {
        TimescaleException.InstitutionClosed => "School or college closed for 4 weeks or more when advice was asked",
        TimescaleException.ExceptionalPersonalCircumstances => "Exceptional personal circumstances of the child or family",
        TimescaleException.AbsentFromArea => "Child or family away from the area for 4 weeks or more",
        TimescaleException.MissedAppointment => "An appointment for an examination or test was missed",
        _ => throw new ArgumentOutOfRangeException(nameof(exception), exception, "Unknown timescale exception."),
    };
}
