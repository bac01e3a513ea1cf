namespace Waymark.Domain.Children;

public enum ChildStatusType
{
    ChildInNeed,
    ChildProtectionPlan,
    LookedAfter,
    EhcPlan,
    SenSupport,
    EarlyHelp,
    CareLeaver,
    YoungCarer,
    ElectiveHomeEducation,
    ChildMissingEducation,

    /// <summary>
    /// Eligible for free school meals (CTF FSMhistory). A fact about the family's income, not a service's involvement,
    /// so it never brings a child into the LA's need-to-know (<see cref="ChildStatusTypes.IsServiceInvolvement"/>).
    /// </summary>
    FreeSchoolMeals,
}
