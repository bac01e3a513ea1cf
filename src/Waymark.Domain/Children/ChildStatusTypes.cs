namespace Waymark.Domain.Children;

public static class ChildStatusTypes
{
    public static string DisplayName(ChildStatusType type) => type switch
    {
        ChildStatusType.ChildInNeed => "Child in need",
        ChildStatusType.ChildProtectionPlan => "Child protection plan",
        ChildStatusType.LookedAfter => "Looked-after child",
        ChildStatusType.EhcPlan => "Education, health and care plan",
        ChildStatusType.SenSupport => "SEN support",
        ChildStatusType.EarlyHelp => "Early help",
        ChildStatusType.CareLeaver => "Care leaver",
        ChildStatusType.YoungCarer => "Young carer",
        ChildStatusType.ElectiveHomeEducation => "Elective home education",
        ChildStatusType.ChildMissingEducation => "Child missing education",
        ChildStatusType.FreeSchoolMeals => "Free school meals",
        _ => throw Unknown(type),
    };

    /// <summary>The abbreviation practitioners use, for tags and tables.</summary>
    public static string ShortName(ChildStatusType type) => type switch
    {
        ChildStatusType.ChildInNeed => "CIN",
        ChildStatusType.ChildProtectionPlan => "CP",
        ChildStatusType.LookedAfter => "CLA",
        ChildStatusType.EhcPlan => "EHCP",
        ChildStatusType.SenSupport => "SEN support",
        ChildStatusType.EarlyHelp => "Early help",
        ChildStatusType.CareLeaver => "Care leaver",
        ChildStatusType.YoungCarer => "Young carer",
        ChildStatusType.ElectiveHomeEducation => "EHE",
        ChildStatusType.ChildMissingEducation => "CME",
        ChildStatusType.FreeSchoolMeals => "FSM",
        _ => throw Unknown(type),
    };

    /// <summary>Statuses that come with an allocated social worker.</summary>
    public static bool HasSocialWorker(ChildStatusType type) =>
        type is ChildStatusType.ChildInNeed or ChildStatusType.ChildProtectionPlan or ChildStatusType.LookedAfter;

    /// <summary>
    /// Statuses that mean one of the LA's services works with the child, and so put the child in LA officers'
    /// need-to-know. Free school meals eligibility does not.
    /// </summary>
    public static bool IsServiceInvolvement(ChildStatusType type) => type != ChildStatusType.FreeSchoolMeals;

    public static bool IsSend(ChildStatusType type) =>
        type is ChildStatusType.EhcPlan or ChildStatusType.SenSupport;

    private static ArgumentOutOfRangeException Unknown(ChildStatusType type) =>
        new(nameof(type), type, "Unknown child status type.");
}
