using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;

namespace Waymark.Web.Features.QualityMark;

/// <summary>One school's quality mark on a day: each current standard's assessment, and how it stands against the milestones.</summary>
public sealed record SchoolProgress(int SchoolId, int Urn, string SchoolName, IReadOnlyDictionary<int, QualityMarkAssessment> Assessments,
    MilestoneStatus Status, Milestone? NextUnmet, int Completed)
{
    public AssessmentStage? StageOf(int standardId) => Assessments.TryGetValue(standardId, out var a) ? a.Stage : null;
}

/// <summary>Reads the standards, milestones and assessments once, and works out each school's progress with the domain's rules.</summary>
public sealed class QualityMarkProgress
{
    private QualityMarkProgress(IReadOnlyList<QualityMarkStandard> standards, IReadOnlyList<QualityMarkMilestone> milestones)
    {
        Standards = standards;
        Milestones = milestones;
        CurrentStandardIds = standards.Where(s => s.RetiredAtUtc is null).Select(s => s.Id).ToHashSet();
    }

    /// <summary>Every standard, retired ones too, in the LA's order.</summary>
    public IReadOnlyList<QualityMarkStandard> Standards { get; }

    public IEnumerable<QualityMarkStandard> CurrentStandards => Standards.Where(s => s.RetiredAtUtc is null);

    public IReadOnlyList<QualityMarkMilestone> Milestones { get; }

    public IReadOnlySet<int> CurrentStandardIds { get; }

    public static async Task<QualityMarkProgress> LoadAsync(WaymarkDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var standards = await db.QualityMarkStandards.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync();
        var milestones = await db.QualityMarkMilestones.AsNoTracking().Include(m => m.Standards).OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync();
        return new QualityMarkProgress(standards, milestones);
    }

    /// <summary>The progress of each of <paramref name="schools"/> on <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<SchoolProgress>> ForSchoolsAsync(WaymarkDbContext db, IReadOnlyList<School> schools, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schools);
        var ids = schools.Select(s => s.Id).ToList();
        var assessments = (await db.QualityMarkAssessments.AsNoTracking().Where(a => ids.Contains(a.SchoolId)).ToListAsync())
            .ToLookup(a => a.SchoolId);
        var rules = Milestones.Select(m => m.ToRule()).ToList();
        return schools.Select(s =>
        {
            var own = assessments[s.Id].ToDictionary(a => a.StandardId);
            var completed = own.Values.Where(a => QualityMarkRules.IsCompleted(a.Stage)).Select(a => a.StandardId).ToHashSet();
            return new SchoolProgress(s.Id, s.Urn, s.Name, own,
                QualityMarkRules.StatusOn(rules, CurrentStandardIds, completed, today),
                QualityMarkRules.NextUnmet(rules, CurrentStandardIds, completed),
                completed.Count(CurrentStandardIds.Contains));
        }).ToList();
    }

    /// <summary>"Standards 1, 2 and 3": the standards of a milestone by their place in the LA's list.</summary>
    public string Describe(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var numbers = Standards.Where(s => milestone.StandardIds.Contains(s.Id)).Select(s => s.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Count switch
        {
            0 => "No standards",
            1 => $"Standard {numbers[0]}",
            _ => $"Standards {string.Join(", ", numbers[..^1])} and {numbers[^1]}",
        };
    }

    public static string TagClass(AssessmentStage? stage) => stage switch
    {
        AssessmentStage.Agreed => "govuk-tag--green",
        AssessmentStage.Submitted => "govuk-tag--blue",
        AssessmentStage.NotAgreed => "govuk-tag--orange",
        AssessmentStage.InProgress => "govuk-tag--light-blue",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Complete => "govuk-tag--green",
        MilestoneStatus.Behind => "govuk-tag--red",
        _ => "govuk-tag--blue",
    };
}
