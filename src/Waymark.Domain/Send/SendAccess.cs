using Waymark.Domain.People;

namespace Waymark.Domain.Send;

/// <summary>
/// Who works on EHC needs assessments and plans. The LA's SEN team (SEN case officers) runs the statutory process for
/// the LA's cohort; a school's SENCo follows its own pupils' plans. Everyone else is refused: the SEND pages hold
/// assessment advice that other services have no need to know. Which children the SEN team reaches is the SEND cohort
/// (<see cref="DataScope.SendCohort"/>); of the LA-wide pages it keeps only the KPIs (docs/send.md, "Who may do what").
/// </summary>
public static class SendAccess
{
    public static bool CanView(Role role) => role is Role.SenCaseOfficer or Role.Senco;

    /// <summary>The LA makes the statutory decisions and issues the plan, so only its SEN team records them.</summary>
    public static bool CanRecord(Role role) => role == Role.SenCaseOfficer;

    /// <summary>The LA-wide worklist and phase-transfer list; SENCos get their own school's.</summary>
    public static bool SeesWholeCohort(Role role) => role == Role.SenCaseOfficer;
}
