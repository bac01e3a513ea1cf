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
}
