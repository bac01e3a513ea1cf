using Waymark.Domain.Calendar;
using Waymark.Domain.Children;

namespace Waymark.Domain.Transitions;

/// <summary>
/// Who the transition programme is for. The pilot served Years 5 and 6 on a child in need or
/// child protection plan; an LA may widen it.
/// </summary>
public sealed record CohortCriteria(
    bool ChildInNeed = true,
    bool ChildProtection = true,
    bool LookedAfter = false,
    bool EhcPlan = false,
    bool SenSupport = false,
    bool EarlyHelp = false,
    bool AnyChildWithSocialWorker = false)
{
    public static CohortCriteria Default { get; } = new();

    /// <summary>The programme works with the two years before secondary transfer.</summary>
    public static bool IsCohortYear(NcYear? year) => year is { Value: 5 or 6 };

    /// <summary>
    /// The reasons a child of a cohort year qualifies, in the words shown to the LA officer;
    /// empty when the child does not qualify.
    /// </summary>
    public IReadOnlyList<string> ReasonsFor(IReadOnlyCollection<ChildStatusType> currentStatuses, bool hasSocialWorker)
    {
        ArgumentNullException.ThrowIfNull(currentStatuses);
        var reasons = new List<string>();
        void Add(bool included, ChildStatusType type)
        {
            if (included && currentStatuses.Contains(type))
            {
                reasons.Add(ChildStatusTypes.DisplayName(type));
            }
        }

        Add(ChildInNeed, ChildStatusType.ChildInNeed);
        Add(ChildProtection, ChildStatusType.ChildProtectionPlan);
        Add(LookedAfter, ChildStatusType.LookedAfter);
        Add(EhcPlan, ChildStatusType.EhcPlan);
        Add(SenSupport, ChildStatusType.SenSupport);
        Add(EarlyHelp, ChildStatusType.EarlyHelp);
        if (AnyChildWithSocialWorker && reasons.Count == 0 && hasSocialWorker)
        {
            reasons.Add("Has a social worker");
        }

        return reasons;
    }

    /// <summary>The statuses that would bring a child in, for narrowing the query before <see cref="ReasonsFor"/>.</summary>
    public IReadOnlyList<ChildStatusType> QualifyingStatuses()
    {
        var types = new List<ChildStatusType>();
        if (ChildInNeed) { types.Add(ChildStatusType.ChildInNeed); }
        if (ChildProtection) { types.Add(ChildStatusType.ChildProtectionPlan); }
        if (LookedAfter) { types.Add(ChildStatusType.LookedAfter); }
        if (EhcPlan) { types.Add(ChildStatusType.EhcPlan); }
        if (SenSupport) { types.Add(ChildStatusType.SenSupport); }
        if (EarlyHelp) { types.Add(ChildStatusType.EarlyHelp); }
        return types;
    }

    public bool IsEmpty => QualifyingStatuses().Count == 0 && !AnyChildWithSocialWorker;

    /// <summary>"Child in need, child protection plan" — for headings and the audit log.</summary>
    public string Describe()
    {
        var parts = QualifyingStatuses().Select(ChildStatusTypes.DisplayName).ToList();
        if (AnyChildWithSocialWorker)
        {
            parts.Add("any child with a social worker");
        }

        return parts.Count == 0 ? "no criteria" : string.Join(", ", parts);
    }
}
