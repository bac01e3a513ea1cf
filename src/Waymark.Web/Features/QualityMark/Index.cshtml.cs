using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared.Downloads;

namespace Waymark.Web.Features.QualityMark;

/// <summary>
/// The LA's view of the quality mark: every open school against every current standard, each school's progress against
/// the milestones, and how many schools have completed each standard. LA-wide roles only.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate, TableDownloads downloads, TimeProvider clock)
    : WaymarkPageModel
{
    public QualityMarkProgress Progress { get; private set; } = null!;

    public IReadOnlyList<SchoolProgress> Schools { get; private set; } = [];

    public bool MayManage { get; private set; }

    public DateOnly On { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        if (!QualityMarkRules.SeesEverySchool(currentUser.Role))
        {
            await gate.RefuseAsync("the LA's quality mark table");
            return Forbid();
        }

        MayManage = QualityMarkRules.MayManage(currentUser.Role);
        On = Today(clock);
        Progress = await QualityMarkProgress.LoadAsync(db);
        var schools = await db.Schools.AsNoTracking().Where(s => s.Status != SchoolStatus.Closed).OrderBy(s => s.Name).ToListAsync();
        Schools = await Progress.ForSchoolsAsync(db, schools, On);
        if (format is not null)
        {
            if (!TableDownloads.TryParse(format, out var parsed))
            {
                return NotFound();
            }

            return await downloads.FileAsync(Table(), parsed, $"quality mark, {Schools.Count} schools, on {On:yyyy-MM-dd}");
        }

        return Page();
    }

    public int CountCompleted(int standardId) => Schools.Count(s => QualityMarkRules.IsCompleted(s.StageOf(standardId)));

    public int CountWith(MilestoneStatus status) => Schools.Count(s => s.Status == status);

    /// <summary>The table as a download: a row a school, a column a current standard.</summary>
    public DownloadTable Table() => new($"quality-mark-{On:yyyy-MM-dd}", "Quality mark",
        ["School", "URN", .. Progress.CurrentStandards.Select(s => $"{s.Position}. {s.Name}"), "Standards completed", "Against the milestones"],
        Schools.Select(s => (IReadOnlyList<string>)
        [
            s.SchoolName, s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. Progress.CurrentStandards.Select(st => QualityMarkRules.DisplayName(s.StageOf(st.Id))),
            s.Completed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            QualityMarkRules.DisplayName(s.Status),
        ]).ToList());
}
