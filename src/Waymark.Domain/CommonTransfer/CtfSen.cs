using Waymark.Domain.Children;

namespace Waymark.Domain.CommonTransfer;

/// <summary>The school census SEN provision codes a CTF's SENhistory uses.</summary>
public enum SenProvision
{
    /// <summary>N: no special educational need.</summary>
    None,

    /// <summary>K: SEN support.</summary>
    SenSupport,

    /// <summary>E: an education, health and care plan.</summary>
    EhcPlan,
}

/// <summary>One SEN support or EHC plan episode as Waymark records it.</summary>
public sealed record SenEpisode(SenProvision Provision, DateOnly Start, DateOnly? End, SenPrimaryNeed? PrimaryNeed);

/// <summary>A change of provision: from <see cref="StartDate"/> the pupil had <see cref="Provision"/>.</summary>
public sealed record SenChange(DateOnly StartDate, SenProvision Provision);

public static class CtfSen
{
    public static string Code(SenProvision provision) => provision switch
    {
        SenProvision.None => "N",
        SenProvision.SenSupport => "K",
        SenProvision.EhcPlan => "E",
        _ => throw new ArgumentOutOfRangeException(nameof(provision), provision, "Unknown SEN provision."),
    };

    /// <summary>The provision a SEN support or EHC plan status records.</summary>
    public static SenProvision Provision(ChildStatusType type) => type switch
    {
        ChildStatusType.SenSupport => SenProvision.SenSupport,
        ChildStatusType.EhcPlan => SenProvision.EhcPlan,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only SEN support and EHC plans are SEN provision."),
    };

    /// <summary>The status that records a provision; N is no status.</summary>
    public static ChildStatusType StatusType(SenProvision provision) => provision switch
    {
        SenProvision.SenSupport => ChildStatusType.SenSupport,
        SenProvision.EhcPlan => ChildStatusType.EhcPlan,
        _ => throw new ArgumentOutOfRangeException(nameof(provision), provision, "N (no SEN) is recorded by no status."),
    };

    /// <summary>
    /// The pupil's provision over time, one entry each time it changed, up to <paramref name="today"/>. An EHC plan
    /// outranks SEN support on days both are recorded; when the last episode ends, provision returns to N. Nothing
    /// is written before the first episode.
    /// </summary>
    public static IReadOnlyList<SenChange> History(IEnumerable<SenEpisode> episodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var list = episodes.Where(e => e.Provision != SenProvision.None && e.Start <= today && (e.End is null || e.End >= e.Start)).ToList();
        var changes = new List<SenChange>();
        var points = list.Select(e => e.Start)
            .Concat(list.Where(e => e.End is not null).Select(e => e.End!.Value.AddDays(1)))
            .Where(d => d <= today)
            .Distinct()
            .Order();
        foreach (var day in points)
        {
            var provision = On(list, day);
            if (changes.Count == 0 ? provision != SenProvision.None : changes[^1].Provision != provision)
            {
                changes.Add(new SenChange(day, provision));
            }
        }

        return changes;
    }

    /// <summary>The primary need of the episode in force on <paramref name="today"/> (an EHC plan before SEN support), if any.</summary>
    public static SenPrimaryNeed? PrimaryNeedOn(IEnumerable<SenEpisode> episodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        return episodes.Where(e => Covers(e, today) && e.Provision != SenProvision.None)
            .OrderByDescending(e => e.Provision).ThenByDescending(e => e.Start)
            .Select(e => e.PrimaryNeed)
            .FirstOrDefault(n => n is not null);
    }

    private static SenProvision On(IEnumerable<SenEpisode> episodes, DateOnly day) =>
        episodes.Where(e => Covers(e, day)).Select(e => e.Provision).DefaultIfEmpty(SenProvision.None).Max();

    private static bool Covers(SenEpisode e, DateOnly day) => e.Start <= day && (e.End is null || e.End >= day);
}
