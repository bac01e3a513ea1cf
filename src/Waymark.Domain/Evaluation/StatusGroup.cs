using Waymark.Domain.Children;

namespace Waymark.Domain.Evaluation;

/// <summary>
/// The one status group a child is matched on: the most intensive involvement current on the day, so a child
/// in care with an EHC plan is matched with other children in care.
/// </summary>
public enum StatusGroup
{
    None,
    SenSupport,
    EhcPlan,
    ChildInNeed,
    ChildProtectionPlan,
    LookedAfter,
}

public static class StatusGroups
{
    /// <summary>The highest group among the statuses current on the day; statuses outside the six groups are ignored.</summary>
    public static StatusGroup Of(IEnumerable<ChildStatusType> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var group = StatusGroup.None;
        foreach (var status in current)
        {
            var candidate = status switch
            {
                ChildStatusType.LookedAfter => StatusGroup.LookedAfter,
                ChildStatusType.ChildProtectionPlan => StatusGroup.ChildProtectionPlan,
                ChildStatusType.ChildInNeed => StatusGroup.ChildInNeed,
                ChildStatusType.EhcPlan => StatusGroup.EhcPlan,
                ChildStatusType.SenSupport => StatusGroup.SenSupport,
                _ => StatusGroup.None,
            };
            if (candidate > group)
            {
                group = candidate;
            }
        }

        return group;
    }

    public static string DisplayName(StatusGroup group) => group switch
    {
        StatusGroup.LookedAfter => "Looked after",
        StatusGroup.ChildProtectionPlan => "Child protection plan",
        StatusGroup.ChildInNeed => "Child in need",
        StatusGroup.EhcPlan => "EHC plan",
        StatusGroup.SenSupport => "SEN support",
        _ => "None of these",
    };
}
